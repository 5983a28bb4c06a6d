package dev.tunelab.core.messages;

import java.util.List;

/** Kafka topic names and the client settings every producer shares (DESIGN.md, Contracts). */
public final class Topics {
    public static final String TRIALS = "tunelab.trials";
    public static final String TRIALS_GPU = "tunelab.trials-gpu";
    public static final String TRIAL_EVENTS = "tunelab.trial-events";
    public static final String CONTROL = "tunelab.control";
    public static final List<String> ALL = List.of(TRIALS, TRIALS_GPU, TRIAL_EVENTS, CONTROL);
    public static final int PARTITIONS = 4;

    private Topics() {}

    /**
     * Producer settings: idempotent, acknowledged by all replicas, string key and value. No linger: a
     * run command or a trial's final event is waited for, and Kafka's default of 5 ms would be added
     * to every such wait; messages sent while others are in flight are still batched.
     */
    public static java.util.Map<String, Object> producerConfig(String bootstrap, String clientId) {
        return java.util.Map.of(
                "bootstrap.servers", bootstrap,
                "client.id", clientId,
                "acks", "all",
                "enable.idempotence", "true",
                "linger.ms", "0",
                "key.serializer", "org.apache.kafka.common.serialization.StringSerializer",
                "value.serializer", "org.apache.kafka.common.serialization.StringSerializer");
    }

    /** Consumer settings with manual commits: an offset moves only after the work is done. */
    public static java.util.Map<String, Object> consumerConfig(String bootstrap, String groupId) {
        java.util.Map<String, Object> m = new java.util.HashMap<>();
        m.put("bootstrap.servers", bootstrap);
        if (groupId != null) m.put("group.id", groupId);
        m.put("enable.auto.commit", "false");
        m.put("auto.offset.reset", "earliest");
        m.put("key.deserializer", "org.apache.kafka.common.serialization.StringDeserializer");
        m.put("value.deserializer", "org.apache.kafka.common.serialization.StringDeserializer");
        return m;
    }
}
