package dev.tunelab.app.chaos;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The api+scheduler process killed with SIGKILL mid-study and started again on the same data and
 * address, while the separate worker processes go on training: the study ends with exactly its
 * planned trials, none dispatched twice.
 */
@ExtendWith(SharedChaosCluster.class)
class ChaosSchedulerRestartIT {

    @Test
    void schedulerKilledAndRestarted(ChaosCluster cluster) throws Exception {
        ChaosRun.repeat("api+scheduler SIGKILL", rep -> {
            try (ChaosStudy study = ChaosStudy.submit(cluster.apiUrl(), 200 + rep)) {
                study.awaitRunningAt(3, Duration.ofMinutes(2));
                cluster.killMain();
                Thread.sleep(2_000);
                cluster.startMain();
                study.awaitEnd(Duration.ofMinutes(4));
                return StudyAudit.of(study, cluster);
            }
        });
    }
}
