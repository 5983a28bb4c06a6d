package dev.tunelab.app.chaos;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * PostgreSQL shut down fast (connections cut) in the middle of a study and started again a few
 * seconds later: events that could not be stored wait in Kafka, and none is lost or applied twice.
 */
@ExtendWith(SharedChaosCluster.class)
class ChaosPostgresRestartIT {

    @Test
    void postgresRestartedMidStudy(ChaosCluster cluster) throws Exception {
        ChaosRun.repeat("PostgreSQL restarted", rep -> {
            try (ChaosStudy study = ChaosStudy.submit(cluster.apiUrl(), 400 + rep)) {
                study.awaitRunningAt(3, Duration.ofMinutes(2));
                cluster.restartPostgres(Duration.ofSeconds(5));
                study.awaitEnd(Duration.ofMinutes(4));
                return StudyAudit.of(study, cluster);
            }
        });
    }
}
