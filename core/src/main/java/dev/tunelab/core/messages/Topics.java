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
        java.util.Map<String, Object> m = adminConfig(bootstrap);
        m.put("client.id", clientId);
        m.put("acks", "all");
        m.put("enable.idempotence", "true");
        m.put("linger.ms", "0");
        m.put("key.serializer", "org.apache.kafka.common.serialization.StringSerializer");
        m.put("value.serializer", "org.apache.kafka.common.serialization.StringSerializer");
        return m;
    }

    /** The address and the connection's security settings (see {@link #clientSettings}). */
    public static java.util.Map<String, Object> adminConfig(String bootstrap) {
        java.util.Map<String, Object> m = new java.util.HashMap<>(clientSettings(System.getenv()));
        m.put("bootstrap.servers", bootstrap);
        return m;
    }

    /**
     * Kafka client settings from the environment, for TLS and SASL on an external broker: {@code
     * TUNELAB_KAFKA_CLIENT_SECURITY_PROTOCOL=SASL_SSL} becomes {@code security.protocol=SASL_SSL},
     * {@code TUNELAB_KAFKA_CLIENT_SASL_JAAS_CONFIG} {@code sasl.jaas.config}, and so on.
     */
    public static java.util.Map<String, String> clientSettings(java.util.Map<String, String> env) {
        String prefix = "TUNELAB_KAFKA_CLIENT_";
        java.util.Map<String, String> out = new java.util.TreeMap<>();
        env.forEach((k, v) -> {
            if (k.startsWith(prefix) && k.length() > prefix.length())
                out.put(
                        k.substring(prefix.length())
                                .toLowerCase(java.util.Locale.ROOT)
                                .replace('_', '.'),
                        v);
        });
        return out;
    }

    /** Consumer settings with manual commits: an offset moves only after the work is done. */
    public static java.util.Map<String, Object> consumerConfig(String bootstrap, String groupId) {
        java.util.Map<String, Object> m = adminConfig(bootstrap);
        if (groupId != null) m.put("group.id", groupId);
        m.put("enable.auto.commit", "false");
        m.put("auto.offset.reset", "earliest");
        m.put("key.deserializer", "org.apache.kafka.common.serialization.StringDeserializer");
        m.put("value.deserializer", "org.apache.kafka.common.serialization.StringDeserializer");
        return m;
    }
}
