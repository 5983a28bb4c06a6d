package dev.tunelab.worker;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tunelab.core.messages.EvaluateCommand;
import dev.tunelab.core.messages.Json;
import dev.tunelab.core.messages.TrialCommand;
import java.io.IOException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

/**
 * One consumer feeding all of a worker's trial slots. It fetches a command only when a slot is
 * free, so a busy slot never holds back a trial another slot could train, and it commits an offset
 * only once every trial before it on that partition has sent its final event.
 */
final class TrialConsumer implements Runnable {
    private static final Logger LOG = Logger.getLogger(TrialConsumer.class);

    private record Finished(TopicPartition partition, long offset) {}

    private final Map<String, Object> config;
    private final String topic;
    private final int slots;
    private final LinkedBlockingQueue<Finished> finished = new LinkedBlockingQueue<>();
    private final LinkedBlockingQueue<Slot> idle = new LinkedBlockingQueue<>();
    private final CommitTracker tracker = new CommitTracker();
    private volatile boolean running = true;

    /**
     * One trial slot: it trains trials and, between them, evaluates finished studies' best models.
     */
    record Slot(TrialRunner trials, EvaluationRunner tests) {}

    TrialConsumer(Map<String, Object> config, String topic, List<Slot> slots) {
        this.config = config;
        this.topic = topic;
        this.slots = slots.size();
        idle.addAll(slots);
    }

    void close() {
        running = false;
    }

    @Override
    public void run() {
        ExecutorService pool = Executors.newFixedThreadPool(slots, r -> {
            Thread t = new Thread(r, "tunelab-trial-slot");
            t.setDaemon(true);
            return t;
        });
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(topic), new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                    settle(consumer);
                    tracker.revoked(partitions);
                }

                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                    // New partitions arrive unpaused, even when every slot is busy.
                    if (idle.isEmpty()) consumer.pause(partitions);
                }
            });
            while (running) {
                settle(consumer);
                if (idle.isEmpty()) consumer.pause(consumer.assignment());
                else consumer.resume(consumer.paused());
                ConsumerRecords<String, String> records;
                try {
                    records = consumer.poll(Duration.ofMillis(200));
                } catch (WakeupException e) {
                    continue; // a slot came free: resume at once instead of after the poll's timeout
                }
                for (ConsumerRecord<String, String> r : records) {
                    TopicPartition tp = new TopicPartition(r.topic(), r.partition());
                    Slot slot = idle.poll();
                    if (slot == null) {
                        // Fetched in the same poll as a rebalance: leave it for a free slot.
                        consumer.seek(tp, r.offset());
                        consumer.pause(consumer.assignment());
                        continue;
                    }
                    tracker.started(tp, r.offset());
                    pool.execute(() -> {
                        try {
                            runToEnd(slot, r);
                        } finally {
                            finished.add(new Finished(tp, r.offset()));
                            idle.add(slot);
                            // The consumer may sleep in a poll with every partition paused: the free slot's
                            // next
                            // trial would wait for its timeout.
                            wake(consumer);
                        }
                    });
                }
            }
            settle(consumer);
        } catch (org.apache.kafka.common.errors.InterruptException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            if (running) LOG.error("trial consumer stopped", e);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Trains (or evaluates) until the final event is acknowledged, retrying while Kafka cannot take
     * it.
     */
    private void runToEnd(Slot slot, ConsumerRecord<String, String> r) {
        TrialCommand cmd = null;
        EvaluateCommand evaluate = null;
        try {
            JsonNode message = Json.MAPPER.readTree(r.value());
            if (EvaluateCommand.is(message)) evaluate = Json.MAPPER.treeToValue(message, EvaluateCommand.class);
            else cmd = Json.MAPPER.treeToValue(message, TrialCommand.class);
        } catch (IOException | RuntimeException e) {
            LOG.errorf(e, "skipping unreadable trial command at %s-%d@%d", r.topic(), r.partition(), r.offset());
            return;
        }
        UUID trialId = cmd != null ? cmd.trialId() : evaluate.trialId();
        while (running) {
            try {
                if (cmd != null) slot.trials().run(cmd);
                else slot.tests().run(evaluate);
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (TrialRunner.ReportFailed e) {
                LOG.errorf(e, "trial %s could not report its end; trying again", trialId);
                try {
                    Thread.sleep(2_000);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            } catch (RuntimeException e) {
                LOG.errorf(e, "trial %s abandoned by a worker error", trialId);
                return;
            }
        }
    }

    private void settle(KafkaConsumer<String, String> consumer) {
        for (Finished f = finished.poll(); f != null; f = finished.poll()) tracker.finished(f.partition(), f.offset());
        Map<TopicPartition, org.apache.kafka.clients.consumer.OffsetAndMetadata> offsets = tracker.toCommit();
        while (!offsets.isEmpty()) {
            try {
                consumer.commitSync(offsets);
                return;
            } catch (WakeupException e) {
                // A slot's wake-up meant for the poll: the commit has not been made, so make it again.
            }
        }
    }

    private static void wake(KafkaConsumer<String, String> consumer) {
        try {
            consumer.wakeup();
        } catch (RuntimeException e) {
            LOG.debug("consumer already closed", e);
        }
    }
}
