package dev.tunelab.app.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tunelab.app.support.AppProcess;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A worker process (separate JVM, {@code TUNELAB_ROLES=worker}) killed with SIGKILL while it
 * trains: its lease runs out, the trial is re-queued, and another worker finishes it from its
 * checkpoint.
 */
@ExtendWith(SharedChaosCluster.class)
class ChaosWorkerKillIT {

    @Test
    void workerKilledMidTrial(ChaosCluster cluster) throws Exception {
        ChaosRun.repeat("worker SIGKILL", rep -> {
            try (ChaosStudy study = ChaosStudy.submit(cluster.apiUrl(), 100 + rep)) {
                JsonNode victim = study.awaitRunningAt(3, Duration.ofMinutes(2));
                AppProcess worker = cluster.workerOf(victim.path("worker").asText());
                if (worker == null) throw new IllegalStateException("trial " + victim + " runs on no worker of ours");
                worker.kill();
                // The pool goes back to two workers, as a Deployment would replace the pod.
                cluster.startWorker(1);
                study.awaitEnd(Duration.ofMinutes(4));
                StudyAudit.Tally tally = StudyAudit.of(study, cluster);
                return tally.plus(resumedElsewhere(study, cluster, victim, worker.pid()));
            }
        });
    }

    /** The killed trial ended on another worker, in a later attempt that started after epoch 1. */
    private static StudyAudit.Tally resumedElsewhere(
            ChaosStudy study, ChaosCluster cluster, JsonNode victim, long killedPid) throws Exception {
        int number = victim.path("number").asInt();
        JsonNode t = study.get("/api/v1/studies/" + study.id + "/trials/" + number, Duration.ofSeconds(30));
        List<String> findings = new ArrayList<>();
        if (t.path("attempt").asInt() < 2) findings.add("killed trial " + number + " was not re-queued: " + t);
        if (t.path("worker").asText().contains("/" + killedPid + "#")) {
            findings.add("killed trial " + number + " shows the killed worker " + killedPid + ": " + t);
        }
        try (Connection c = cluster.database();
                PreparedStatement st = c.prepareStatement(
                        "select attempt, min(epoch) from trial_metric where trial_id = ? and attempt > 1 group by attempt order by attempt")) {
            st.setObject(1, UUID.fromString(victim.path("id").asText()));
            try (ResultSet rs = st.executeQuery()) {
                boolean any = false;
                while (rs.next()) {
                    any = true;
                    if (rs.getInt(2) <= 1) {
                        findings.add("killed trial "
                                + number
                                + " attempt "
                                + rs.getInt(1)
                                + " started again at epoch "
                                + rs.getInt(2)
                                + " instead of after its checkpoint (killed at epoch "
                                + victim.path("epochsDone").asInt()
                                + ")");
                    }
                }
                if (!any) findings.add("killed trial " + number + " has no epochs from a later attempt");
            }
        }
        return new StudyAudit.Tally(0, 0, findings);
    }
}
