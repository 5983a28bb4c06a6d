package dev.tunelab.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A worker process as it last reported itself; one it stops reporting is presumed gone. */
@Entity
@Table(name = "worker")
public class WorkerEntity extends PanacheEntityBase {
    /** A worker that missed this many heartbeats in a row is taken for gone. */
    public static final int MISSED_HEARTBEATS = 3;

    @Id
    public String id;

    /** {@code cpu} or {@code gpu}. */
    public String device;

    /** Memory the worker offers its trials on that device, as it reports it. */
    @Column(name = "memory_bytes")
    public long memoryBytes;

    public int slots;

    @Column(name = "busy_slots")
    public int busySlots;

    public String host;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "last_seen")
    public Instant lastSeen;
}
