package dev.tunelab.app.chaos;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Kafka broker stopped for 10 s in the middle of a study and started again at the same address:
 * workers and the scheduler wait, and every result arrives exactly once.
 */
@ExtendWith(SharedChaosCluster.class)
class ChaosBrokerRestartIT {

    @Test
    void brokerStoppedForTenSeconds(ChaosCluster cluster) throws Exception {
        ChaosRun.repeat("broker stopped 10 s", rep -> {
            try (ChaosStudy study = ChaosStudy.submit(cluster.apiUrl(), 300 + rep)) {
                study.awaitRunningAt(3, Duration.ofMinutes(2));
                cluster.restartKafka(Duration.ofSeconds(10));
                study.awaitEnd(Duration.ofMinutes(4));
                return StudyAudit.of(study, cluster);
            }
        });
    }
}
