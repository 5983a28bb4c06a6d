package dev.tunelab.scheduler;

import dev.tunelab.core.messages.Json;
import dev.tunelab.core.messages.Topics;
import dev.tunelab.core.messages.TrialEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

/**
 * Reads workers' trial events from Kafka and applies them through {@link EventIntake}: a whole poll
 * in one transaction, falling back to one event at a time when that fails. Runs on a thread of its
 * own, so slow Kafka never stalls the scheduler's tick.
 */
@ApplicationScoped
public class TrialEventConsumer {
    private static final Logger LOG = Logger.getLogger(TrialEventConsumer.class);

    @Inject
    EventIntake intake;

    private final EventFlow eventFlow = new EventFlow();

    /**
     * True once events have flowed without a break for at least {@code d} (see {@link EventFlow}).
     */
    public boolean steadyFor(Duration d) {
        return eventFlow.steadyFor(d);
    }

    /**
     * Consumes until {@code running} turns false; {@code onWork} is called after a poll that may have
     * freed a slot or left a stop in the outbox.
     */
    public void run(String bootstrap, BooleanSupplier running, Runnable onWork) {
        Map<String, Object> config = Topics.consumerConfig(bootstrap, "tunelab-scheduler");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(Topics.TRIAL_EVENTS));
            while (running.getAsBoolean()) {
                ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
                List<TrialEvent> batch = records.isEmpty() ? List.of() : applyAll(records);
                boolean batched = batch != null && !records.isEmpty();
                boolean failed = batch == null && applyEach(consumer, records);
                if (batched) {
                    // Not waited for: every write is idempotent, so events whose commit is lost are applied
                    // again harmlessly; a failed batch seeks back and commits nothing past what was applied.
                    consumer.commitAsync(nextOffsets(records), (offsets, e) -> {
                        if (e != null)
                            LOG.debugf(
                                    "trial event offsets not committed (%s); they are applied again", e.getMessage());
                    });
                }
                // A finished or pruned trial frees a slot and a stop waits in the outbox: act now, not at
                // the next tick. Heartbeats alone change neither.
                if (!records.isEmpty() && (batch == null || !onlyHeartbeats(batch))) onWork.run();
                eventFlow.observe(!failed && connected(consumer));
                if (failed && !pause(Duration.ofSeconds(1))) return;
            }
        } catch (org.apache.kafka.common.errors.InterruptException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            if (running.getAsBoolean()) LOG.error("trial event consumer stopped", e);
        }
    }

    /**
     * The whole poll in one transaction: its events, or null when it could not be applied (then event
     * by event).
     */
    private List<TrialEvent> applyAll(ConsumerRecords<String, String> records) {
        List<TrialEvent> events = new ArrayList<>();
        for (ConsumerRecord<String, String> r : records) {
            try {
                events.add(Json.read(r.value(), TrialEvent.class));
            } catch (RuntimeException e) {
                return null; // dropped with its reason by applyEach
            }
        }
        try {
            intake.applyAll(events);
            return events;
        } catch (RuntimeException e) {
            LOG.debugf(
                    "a batch of %d trial events failed (%s); applying them one by one", events.size(), e.getMessage());
            return null;
        }
    }

    /**
     * One transaction per event, as a fallback: applies what it can and stops each partition at its
     * first event the database could not take, committing the offsets before it. Returns whether any
     * event was kept back.
     */
    private boolean applyEach(KafkaConsumer<String, String> consumer, ConsumerRecords<String, String> records) {
        Map<TopicPartition, OffsetAndMetadata> applied = new HashMap<>();
        boolean failed = false;
        for (TopicPartition tp : records.partitions()) {
            for (ConsumerRecord<String, String> r : records.records(tp)) {
                if (!apply(r)) {
                    // Kept, not committed: it is applied again (idempotently) once the database is back.
                    consumer.seek(tp, r.offset());
                    failed = true;
                    break;
                }
                applied.put(tp, new OffsetAndMetadata(r.offset() + 1));
            }
        }
        if (!applied.isEmpty()) consumer.commitSync(applied);
        return failed;
    }

    /** Heartbeats only renew leases: no slot frees and nothing waits in the outbox. */
    private static boolean onlyHeartbeats(List<TrialEvent> events) {
        return events.stream().allMatch(e -> e.type() == TrialEvent.Type.HEARTBEAT);
    }

    private static Map<TopicPartition, OffsetAndMetadata> nextOffsets(ConsumerRecords<String, String> records) {
        Map<TopicPartition, OffsetAndMetadata> next = new HashMap<>();
        for (TopicPartition tp : records.partitions()) {
            List<ConsumerRecord<String, String>> rs = records.records(tp);
            next.put(tp, new OffsetAndMetadata(rs.get(rs.size() - 1).offset() + 1));
        }
        return next;
    }

    /** False when the database could not take the event; an unreadable event is dropped (true). */
    private boolean apply(ConsumerRecord<String, String> r) {
        TrialEvent event;
        try {
            event = Json.read(r.value(), TrialEvent.class);
        } catch (RuntimeException e) {
            LOG.errorf(e, "dropping unreadable trial event at offset %d: %s", r.offset(), r.value());
            return true;
        }
        try {
            intake.apply(event);
            return true;
        } catch (RuntimeException e) {
            LOG.warnf("could not apply %s of trial %s (%s); keeping it", event.type(), event.trialId(), e.getMessage());
            return false;
        }
    }

    /**
     * Whether the consumer has a live connection to a broker (it polls quietly through an outage).
     */
    private static boolean connected(KafkaConsumer<String, String> consumer) {
        for (Map.Entry<MetricName, ? extends Metric> m : consumer.metrics().entrySet()) {
            if (m.getKey().name().equals("connection-count")
                    && m.getKey().group().equals("consumer-metrics")) {
                return m.getValue().metricValue() instanceof Number n && n.doubleValue() > 0;
            }
        }
        return true;
    }

    /** False when interrupted: the consumer then stops, as the scheduler does. */
    private static boolean pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
