package dev.tunelab.api;

import dev.tunelab.store.WorkerEntity;
import java.time.Instant;

/** A live worker as the API lists it. */
public record WorkerView(
        String id,
        String device,
        long memoryBytes,
        int slots,
        int busySlots,
        String host,
        Instant startedAt,
        Instant lastSeen) {

    static WorkerView of(WorkerEntity w) {
        return new WorkerView(w.id, w.device, w.memoryBytes, w.slots, w.busySlots, w.host, w.startedAt, w.lastSeen);
    }
}
