package dev.tunelab.scheduler;

import dev.tunelab.store.OutboxEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Publishes committed outbox rows to Kafka in id order and marks them sent only after the broker
 * has acknowledged them all; a crash in between re-sends, never loses.
 */
@ApplicationScoped
public class OutboxRelay {
    static final int BATCH = 200;

    /** Returns how many messages were published. */
    @Transactional
    public int publishPending(Producer<String, String> producer) throws InterruptedException {
        // A native query's result list is untyped; the entity class given to it makes the rows
        // OutboxEntity.
        @SuppressWarnings("unchecked")
        List<OutboxEntity> rows = OutboxEntity.getEntityManager()
                .createNativeQuery(
                        "select * from outbox where published_at is null order by id limit "
                                + BATCH
                                + " for update skip locked",
                        OutboxEntity.class)
                .getResultList();
        if (rows.isEmpty()) return 0;
        List<Future<RecordMetadata>> sends = new ArrayList<>();
        for (OutboxEntity row : rows) sends.add(producer.send(new ProducerRecord<>(row.topic, row.key, row.payload)));
        try {
            for (Future<RecordMetadata> f : sends) f.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not acknowledge outbox messages; will retry", e);
        }
        Instant now = Instant.now();
        for (OutboxEntity row : rows) row.publishedAt = now;
        return rows.size();
    }
}
