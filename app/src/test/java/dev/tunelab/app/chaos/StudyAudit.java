package dev.tunelab.app.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tunelab.core.messages.EvaluateCommand;
import dev.tunelab.core.messages.Json;
import dev.tunelab.core.messages.Topics;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Counts what a fault cost one study. A trial is lost when the study does not end with exactly its
 * planned trials, each COMPLETED with an objective after all its epochs. A duplicate is a repeated
 * trial number, a final result applied twice, a run command sent twice for one attempt, or a
 * learning curve with a repeated or missing epoch.
 */
final class StudyAudit {
    private StudyAudit() {}

    /** What one repetition cost; {@code findings} says which trial and why. */
    record Tally(int lost, int duplicates, List<String> findings) {
        Tally plus(Tally o) {
            List<String> all = new ArrayList<>(findings);
            all.addAll(o.findings);
            return new Tally(lost + o.lost, duplicates + o.duplicates, all);
        }

        static Tally none() {
            return new Tally(0, 0, List.of());
        }

        /** A repetition that threw before its audit: none of its study's trials can be vouched for. */
        static Tally thrown(int repetition, Throwable e) {
            return new Tally(ChaosStudy.TRIALS, 0, List.of("repetition " + (repetition + 1) + " threw " + e));
        }
    }

    static Tally of(ChaosStudy study, ChaosCluster cluster) throws IOException, InterruptedException, SQLException {
        int lost = 0;
        int duplicates = 0;
        List<String> findings = new ArrayList<>();
        JsonNode s = study.get("/api/v1/studies/" + study.id, Duration.ofSeconds(30));
        if (!"COMPLETED".equals(s.path("status").asText()))
            findings.add("study ended " + s.path("status").asText() + ": "
                    + s.path("message").asText());

        JsonNode trials = study.get("/api/v1/studies/" + study.id + "/trials?size=100", Duration.ofSeconds(30))
                .path("items");
        Set<Integer> numbers = new HashSet<>();
        int good = 0;
        for (JsonNode t : trials) {
            int n = t.path("number").asInt();
            if (!numbers.add(n)) {
                duplicates++;
                findings.add("trial number " + n + " appears twice");
                continue;
            }
            boolean complete = "COMPLETED".equals(t.path("status").asText())
                    && t.path("objective").isNumber()
                    && t.path("epochsDone").asInt() == ChaosStudy.EPOCHS;
            if (complete) good++;
            else
                findings.add("trial "
                        + n
                        + " ended "
                        + t.path("status").asText()
                        + " after "
                        + t.path("epochsDone").asInt()
                        + " epochs, objective "
                        + t.path("objective").asText()
                        + ": "
                        + t.path("error").asText());
            List<Integer> epochs = new ArrayList<>();
            for (JsonNode e : study.get(
                            "/api/v1/studies/" + study.id + "/trials/" + n + "/metrics", Duration.ofSeconds(30))
                    .path("epochs")) {
                epochs.add(e.path("epoch").asInt());
            }
            List<Integer> expected = new ArrayList<>();
            for (int e = 1; e <= t.path("epochsDone").asInt(); e++) expected.add(e);
            if (!epochs.equals(expected)) {
                duplicates++;
                findings.add("trial "
                        + n
                        + " learning curve has epochs "
                        + epochs
                        + ", not 1.."
                        + t.path("epochsDone").asInt());
            }
        }
        if (trials.size() > ChaosStudy.TRIALS) {
            duplicates += trials.size() - ChaosStudy.TRIALS;
            findings.add(trials.size() + " trials for maxTrials " + ChaosStudy.TRIALS);
        }
        lost += Math.max(0, ChaosStudy.TRIALS - good);

        for (String changed : study.changedAfterFinal()) {
            duplicates++;
            findings.add("a second final result was applied to " + changed);
        }
        for (String twice : commandsSentTwice(study.id, cluster)) {
            duplicates++;
            findings.add(twice);
        }
        return new Tally(lost, duplicates, findings);
    }

    /** Run commands in the outbox for the same (trial, attempt): a dispatch that happened twice. */
    private static List<String> commandsSentTwice(String studyId, ChaosCluster cluster)
            throws SQLException, IOException {
        Map<String, Integer> sent = new HashMap<>();
        try (Connection c = cluster.database();
                PreparedStatement st = c.prepareStatement("select payload from outbox where topic in (?, ?)")) {
            st.setString(1, Topics.TRIALS);
            st.setString(2, Topics.TRIALS_GPU);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    JsonNode m = Json.MAPPER.readTree(rs.getString(1));
                    if (EvaluateCommand.is(m)
                            || !studyId.equals(m.path("studyId").asText())) continue;
                    sent.merge(
                            "trial " + m.path("number").asInt() + " attempt "
                                    + m.path("attempt").asInt(),
                            1,
                            Integer::sum);
                }
            }
        }
        List<String> twice = new ArrayList<>();
        sent.forEach((k, v) -> {
            if (v > 1) twice.add(k + " was dispatched " + v + " times");
        });
        return twice;
    }
}
