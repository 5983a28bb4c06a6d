package dev.tunelab.core.messages;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TopicsTest {
    @Test
    void kafkaClientSettingsComeFromTheEnvironment() {
        Map<String, String> env = Map.of(
                "TUNELAB_KAFKA_CLIENT_SECURITY_PROTOCOL", "SASL_SSL",
                "TUNELAB_KAFKA_CLIENT_SASL_MECHANISM", "SCRAM-SHA-512",
                "TUNELAB_KAFKA_CLIENT_SSL_TRUSTSTORE_LOCATION", "/etc/kafka/ca.p12",
                "TUNELAB_KAFKA_BOOTSTRAP", "kafka:9093",
                "HOME", "/root");
        assertEquals(
                Map.of(
                        "security.protocol", "SASL_SSL",
                        "sasl.mechanism", "SCRAM-SHA-512",
                        "ssl.truststore.location", "/etc/kafka/ca.p12"),
                Topics.clientSettings(env));
    }

    @Test
    void everyClientGetsTheAddressAndProducersStayIdempotent() {
        Map<String, Object> p = Topics.producerConfig("kafka:9092", "w1");
        assertEquals("kafka:9092", p.get("bootstrap.servers"));
        assertEquals("true", p.get("enable.idempotence"));
        assertEquals("kafka:9092", Topics.consumerConfig("kafka:9092", "g").get("bootstrap.servers"));
    }
}
