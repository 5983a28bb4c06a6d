package dev.tunelab.store;

import dev.tunelab.core.messages.Json;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;

/**
 * Records a Kafka message in the caller's transaction. It is published by the scheduler's relay
 * only once that transaction commits, so a state change and its message are never split.
 */
@ApplicationScoped
public class Outbox {

    @Transactional(Transactional.TxType.MANDATORY)
    public void add(String topic, String key, Object message) {
        OutboxEntity row = new OutboxEntity();
        row.topic = topic;
        row.key = key;
        row.payload = Json.write(message);
        row.createdAt = Instant.now();
        row.persist();
    }
}
