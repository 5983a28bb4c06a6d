package dev.tunelab.worker;

/**
 * What a worker tells the API about itself with every heartbeat ({@code PUT
 * /api/v1/internal/workers/{id}}), so users can see which workers are alive and how busy.
 *
 * @param id the worker's id, {@code host/pid}; its slots report events as {@code id#slot}
 * @param device {@code cpu} or {@code gpu}
 * @param memoryBytes memory available for training: the JVM's maximum heap on a CPU, the
 *     device's memory on a GPU
 * @param busySlots slots training a trial right now
 * @param startedAt when the worker started, ISO-8601
 */
record WorkerReport(String id, String device, long memoryBytes, int slots, int busySlots, String host, String startedAt) {}
