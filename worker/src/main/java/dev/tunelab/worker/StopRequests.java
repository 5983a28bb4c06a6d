package dev.tunelab.worker;

import dev.tunelab.core.messages.ControlMessage;
import dev.tunelab.core.messages.Json;
import dev.tunelab.core.messages.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

/**
 * Listens to the control topic. Every worker must see every stop, so it reads all partitions
 * without a consumer group, from the moment it starts.
 */
final class StopRequests implements Runnable {
    private static final Logger LOG = Logger.getLogger(StopRequests.class);

    private final String bootstrap;
    private final Set<String> stops = ConcurrentHashMap.newKeySet();
    private volatile boolean running = true;

    StopRequests(String bootstrap) {
        this.bootstrap = bootstrap;
    }

    boolean requested(UUID trialId, int attempt) {
        return stops.contains(trialId + "/" + attempt);
    }

    void close() {
        running = false;
    }

    @Override
    public void run() {
        Map<String, Object> config = new java.util.HashMap<>(Topics.consumerConfig(bootstrap, null));
        config.put("auto.offset.reset", "latest");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = List.of();
            while (running && partitions.isEmpty()) {
                List<PartitionInfo> infos = consumer.partitionsFor(Topics.CONTROL, Duration.ofSeconds(5));
                partitions = infos == null
                        ? List.of()
                        : infos.stream()
                                .map(i -> new TopicPartition(i.topic(), i.partition()))
                                .toList();
                if (partitions.isEmpty()) Thread.sleep(1000);
            }
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            while (running) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(100))) {
                    ControlMessage m = Json.read(r.value(), ControlMessage.class);
                    if (m.type() == ControlMessage.Type.STOP) {
                        if (stops.size() > 100_000) stops.clear();
                        stops.add(m.trialId() + "/" + m.attempt());
                    }
                }
            }
        } catch (InterruptedException | org.apache.kafka.common.errors.InterruptException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            if (running) LOG.error("control consumer stopped; stop requests will be missed", e);
        }
    }
}
