package dev.tunelab.api;

import dev.tunelab.core.messages.WorkerReport;
import dev.tunelab.store.WorkerEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Keeps the roster of workers from their reports; a worker is live while it keeps reporting. */
@ApplicationScoped
public class WorkerService {
    @ConfigProperty(name = "tunelab.worker.heartbeat", defaultValue = "PT2S")
    Duration heartbeat;

    /**
     * One statement, so two reports of the same worker at once cannot both insert; the database's
     * clock stamps it.
     */
    @Transactional
    public WorkerView report(WorkerReport r) {
        WorkerEntity.getEntityManager()
                .createNativeQuery(
                        "insert into worker (id, device, memory_bytes, slots, busy_slots, host, started_at, last_seen)"
                                + " values (?1, ?2, ?3, ?4, ?5, ?6, ?7, now()) on conflict (id) do update set device = excluded.device,"
                                + " memory_bytes = excluded.memory_bytes, slots = excluded.slots, busy_slots = excluded.busy_slots,"
                                + " host = excluded.host, started_at = excluded.started_at, last_seen = excluded.last_seen")
                .setParameter(1, r.id())
                .setParameter(2, r.device())
                .setParameter(3, r.memoryBytes())
                .setParameter(4, r.slots())
                .setParameter(5, r.busySlots())
                .setParameter(6, r.host())
                .setParameter(7, Instant.parse(r.startedAt()))
                .executeUpdate();
        WorkerEntity.getEntityManager().clear();
        return WorkerView.of(WorkerEntity.findById(r.id()));
    }

    /**
     * Workers heard from within {@link WorkerEntity#MISSED_HEARTBEATS} heartbeats, the most recently
     * started first.
     */
    @Transactional
    @SuppressWarnings("unchecked")
    public List<WorkerView> live() {
        List<WorkerEntity> rows = WorkerEntity.getEntityManager()
                .createNativeQuery(
                        "select * from worker where last_seen > now() - ?1 * interval '1 millisecond' order by started_at desc, id",
                        WorkerEntity.class)
                .setParameter(1, heartbeat.toMillis() * WorkerEntity.MISSED_HEARTBEATS)
                .getResultList();
        return rows.stream().map(WorkerView::of).toList();
    }
}
