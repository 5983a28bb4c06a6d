package dev.tunelab.scheduler;

import dev.tunelab.store.WorkerEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.OptionalLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What the live workers (those still reporting every heartbeat) offer, as the dispatcher needs it.
 */
@ApplicationScoped
public class WorkerRoster {
    @ConfigProperty(name = "tunelab.worker.heartbeat", defaultValue = "PT2S")
    Duration heartbeat;

    /** The most memory any live worker of {@code device} offers; empty when none is live. */
    @Transactional(Transactional.TxType.MANDATORY)
    public OptionalLong largestMemory(String device) {
        Object max = WorkerEntity.getEntityManager()
                .createNativeQuery(
                        "select max(memory_bytes) from worker where device = ?1 and last_seen > now() - ?2 * interval '1 millisecond'")
                .setParameter(1, device)
                .setParameter(2, heartbeat.toMillis() * WorkerEntity.MISSED_HEARTBEATS)
                .getSingleResult();
        return max == null ? OptionalLong.empty() : OptionalLong.of(((Number) max).longValue());
    }
}
