package dev.tunelab.core.messages;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * What a worker tells the API about itself with every heartbeat ({@code PUT
 * /api/v1/internal/workers/{id}}), so users can see which workers are alive and how busy. The
 * worker writes it with {@link Json#MAPPER}; the API checks every field at the door before it
 * builds one.
 *
 * @param id the worker's id, {@code host/pid}; its slots report events as {@code id#slot}
 * @param device {@link #CPU} or {@link #GPU}
 * @param memoryBytes memory available for training: the JVM's maximum heap on a CPU, the device's
 *     memory on a GPU
 * @param busySlots slots training a trial right now
 * @param startedAt when the worker started, an ISO-8601 instant as text: core's mapper has no
 *     java.time module to count on, and without one an {@code Instant} would not be written as the
 *     text every API version reads
 */
public record WorkerReport(
        String id, String device, long memoryBytes, int slots, int busySlots, String host, String startedAt) {
    public static final String CPU = "cpu";
    public static final String GPU = "gpu";
    public static final Set<String> DEVICES = Set.of(CPU, GPU);

    /** The JSON field names, in the order written; the API refuses any other. */
    public static final List<String> FIELDS = Arrays.stream(WorkerReport.class.getRecordComponents())
            .map(RecordComponent::getName)
            .toList();
}
