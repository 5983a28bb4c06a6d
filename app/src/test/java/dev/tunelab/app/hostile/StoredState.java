package dev.tunelab.app.hostile;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tunelab.core.messages.Json;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What the barrage must leave as it was, as text to compare byte for byte: the stored rows of the
 * fixture's studies and datasets (contents by digest), the finished study's trials, metrics and
 * model, and each study as GET shows it less what changes by itself (progress, status).
 *
 * @param rows what was read, by where it was read from
 * @param studyIds every study id stored; {@code datasetIds} every dataset id
 */
record StoredState(Map<String, String> rows, Set<String> studyIds, Set<String> datasetIds) {
    /** Fields of a study's view that move on their own as trials run or stop. */
    private static final List<String> MOVING = List.of("status", "progress", "best", "finishedAt", "message", "test");

    static StoredState capture(EntityManager em, Fixture f) {
        Map<String, String> rows = new TreeMap<>();
        String studies = f.studies().stream().map(s -> "'" + s + "'").collect(Collectors.joining(","));
        String trials = "select id from trial where study_id = '" + f.finished() + "'";
        QuarkusTransaction.requiringNew().run(() -> {
            rows.put(
                    "study rows",
                    select(
                            em,
                            "select id, project_id, name, dataset_id, spec_json, direction, planned_trials,"
                                    + " parallel_trials, created_at from study where id in (" + studies
                                    + ") order by id"));
            rows.put(
                    "dataset rows",
                    select(
                            em,
                            "select d.id, d.name, d.kind, d.task, d.label_column, d.columns_json, d.classes_json,"
                                    + " d.shape_json, d.options_json, d.row_count, d.size_bytes, d.created_at,"
                                    + " md5(c.content) from dataset d join dataset_content c on c.dataset_id = d.id"
                                    + " where d.id in ('iris', '" + f.dataset() + "') order by d.id"));
            rows.put("trial rows", select(em, "select * from trial where id in (" + trials + ") order by number"));
            rows.put(
                    "metric rows",
                    select(em, "select * from trial_metric where trial_id in (" + trials + ") order by 1, 2, 3"));
            rows.put(
                    "artifact rows",
                    select(
                            em,
                            "select trial_id, attempt, md5(content), model_card_json from artifact"
                                    + " where trial_id in (" + trials + ") order by trial_id"));
            rows.put(
                    "checkpoint rows",
                    select(
                            em,
                            "select trial_id, attempt, epoch, md5(content) from checkpoint" + " where trial_id in ("
                                    + trials + ") order by trial_id"));
        });
        for (String id : f.studies()) rows.put("GET study " + id, view("/api/v1/studies/" + id));
        rows.put("GET dataset", Send.get("/api/v1/datasets/" + f.dataset()).text());
        rows.put(
                "GET dataset meta",
                Send.get("/api/v1/datasets/" + f.dataset() + "/meta").text());
        rows.put("GET trial metrics", Send.get(f.trial() + "/metrics").text());
        rows.put("GET model card", Send.get(f.trial() + "/model-card").text());
        Set<String> studyIds = new TreeSet<>(ids(em, "select id::text from study"));
        Set<String> datasetIds = new TreeSet<>(ids(em, "select id from dataset"));
        return new StoredState(rows, studyIds, datasetIds);
    }

    /**
     * The state once the system has stopped changing it by itself: the finished study's checkpoints
     * stay until the scheduler's housekeeping (every 30 s) drops those of ended trials.
     */
    static StoredState settled(EntityManager em, Fixture f) throws InterruptedException {
        StoredState now = capture(em, f);
        for (int i = 0; i < 90 && !now.rows.get("checkpoint rows").isEmpty(); i++) {
            Thread.sleep(1_000);
            now = capture(em, f);
        }
        if (!now.rows.get("checkpoint rows").isEmpty())
            throw new AssertionError(
                    "the finished study's checkpoints were not dropped: " + now.rows.get("checkpoint rows"));
        return now;
    }

    /** The differences from {@code before}, by row group; empty when nothing changed. */
    Map<String, String> changedFrom(StoredState before) {
        Map<String, String> out = new TreeMap<>();
        before.rows.forEach((k, v) -> {
            if (!v.equals(rows.get(k))) out.put(k, "before: " + v + "\nafter:  " + rows.get(k));
        });
        return out;
    }

    private static String view(String path) {
        Answer a = Send.get(path);
        try {
            ObjectNode v = (ObjectNode) Json.MAPPER.readTree(a.body());
            v.remove(MOVING);
            return a.status() + " " + v;
        } catch (IOException | ClassCastException e) {
            throw new UncheckedIOException(new IOException("GET " + path + ": " + a.status() + " " + a.excerpt(), e));
        }
    }

    @SuppressWarnings("unchecked")
    private static String select(EntityManager em, String sql) {
        List<Object> result = em.createNativeQuery(sql).getResultList();
        return result.stream()
                .map(r -> r instanceof Object[] cells ? Arrays.toString(cells) : String.valueOf(r))
                .collect(Collectors.joining("\n"));
    }

    @SuppressWarnings("unchecked")
    private static List<String> ids(EntityManager em, String sql) {
        return QuarkusTransaction.requiringNew()
                .call(() -> (List<String>) em.createNativeQuery(sql).getResultList());
    }
}
