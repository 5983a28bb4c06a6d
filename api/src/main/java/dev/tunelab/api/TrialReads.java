package dev.tunelab.api;

import dev.tunelab.api.board.Leaderboards;
import dev.tunelab.api.board.SortKey;
import dev.tunelab.core.messages.Json;
import dev.tunelab.core.study.TrialStatus;
import dev.tunelab.store.ArtifactEntity;
import dev.tunelab.store.StudyEntity;
import dev.tunelab.store.TrialEntity;
import dev.tunelab.store.TrialQueries;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A study's trials as the API shows them: leaderboard pages, one trial, its curve and its model.
 */
@ApplicationScoped
public class TrialReads {
    @Inject
    StudyReads studies;

    @Inject
    Leaderboards leaderboards;

    /**
     * A page of a leaderboard, in the order asked for; {@code total} counts the trials that match.
     */
    public record Page(List<TrialView> items, int page, int size, long total, String sort, String order) {}

    @Transactional
    public Page page(UUID id, int page, int size, String sort, String order, String status) {
        StudyEntity s = studies.study(id);
        List<String> names = StudyReads.paramNames(s);
        SortKey key = SortKey.parse(sort, order, names);
        Leaderboards.PageRows rows =
                leaderboards.page(id, StudyReads.maximize(s), names, key, statuses(status), page, size);
        Map<UUID, TrialEntity> byId = new HashMap<>();
        for (TrialEntity t : TrialQueries.byIds(rows.ids())) byId.put(t.id, t);
        Set<UUID> withModel = TrialQueries.withModel(rows.ids());
        List<TrialView> items = new ArrayList<>();
        for (int i = 0; i < rows.ids().size(); i++) {
            TrialEntity t = byId.get(rows.ids().get(i));
            if (t != null)
                items.add(TrialView.of(t, withModel.contains(t.id), rows.ranks().get(i)));
        }
        return new Page(items, page, size, rows.total(), key.column(), key.descending() ? "desc" : "asc");
    }

    /** The status filter of a page: names of trial statuses separated by commas, any case. */
    private static Set<String> statuses(String status) {
        if (status == null || status.isBlank()) return Set.of();
        Set<String> out = new HashSet<>();
        for (String part : status.split(",")) {
            String name = part.strip().toUpperCase(Locale.ROOT);
            if (name.isEmpty()) continue;
            try {
                out.add(TrialStatus.valueOf(name).name());
            } catch (IllegalArgumentException e) {
                throw ApiProblem.invalid(
                        "$.status",
                        "must be trial statuses separated by commas ("
                                + Arrays.stream(TrialStatus.values())
                                        .map(Enum::name)
                                        .collect(Collectors.joining(", "))
                                + "); got '"
                                + part.strip()
                                + "'");
            }
        }
        return out;
    }

    @Transactional
    public TrialView trial(UUID id, int number) {
        TrialEntity t = entity(id, number);
        StudyEntity s = studies.study(id);
        int rank = leaderboards.rank(id, StudyReads.maximize(s), StudyReads.paramNames(s), number);
        return TrialView.of(t, !TrialQueries.withModel(List.of(t.id)).isEmpty(), rank);
    }

    /** The trial of a study the caller may read, or 404. */
    @Transactional
    public TrialEntity entity(UUID id, int number) {
        studies.study(id);
        return TrialQueries.byNumber(id, number)
                .orElseThrow(() -> ApiProblem.notFound("study " + id + " has no trial " + number));
    }

    /**
     * The trial's learning curve across its attempts: each epoch as the newest attempt that reached
     * it reported it (a resumed attempt starts after its checkpoint), with that attempt's number.
     */
    @Transactional
    @SuppressWarnings("unchecked")
    public Map<String, Object> metrics(UUID id, int number) {
        TrialEntity t = entity(id, number);
        List<Map<String, Object>> epochs = TrialQueries.curve(t.id).stream()
                .map(p -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("epoch", p.epoch());
                    m.put("attempt", p.attempt());
                    m.putAll(Json.read(p.metricsJson(), Map.class));
                    return m;
                })
                .toList();
        return Map.of("study", id.toString(), "trial", number, "attempt", t.attempt, "epochs", epochs);
    }

    /** The model card stored with a trial's model: network, parameters, metrics, data. */
    @Transactional
    @SuppressWarnings("unchecked")
    public Map<String, Object> modelCard(UUID id, int number) {
        return Json.read(model(id, number).modelCardJson, Map.class);
    }

    @Transactional
    public ArtifactEntity model(UUID id, int number) {
        return artifact(entity(id, number));
    }

    /** For a worker whose claim on the trial {@code WorkerGrants} has already checked. */
    @Transactional
    public ArtifactEntity modelForWorker(UUID id, int number) {
        return artifact(TrialQueries.byNumber(id, number)
                .orElseThrow(() -> ApiProblem.notFound("study " + id + " has no trial " + number)));
    }

    private static ArtifactEntity artifact(TrialEntity t) {
        int number = t.number;
        ArtifactEntity a = ArtifactEntity.findById(t.id);
        if (a == null) throw ApiProblem.notFound("trial " + number + " has no model (status " + t.state() + ")");
        return a;
    }
}
