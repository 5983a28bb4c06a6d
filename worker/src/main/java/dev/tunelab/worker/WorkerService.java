package dev.tunelab.worker;

import dev.tunelab.core.messages.Json;
import dev.tunelab.core.messages.Topics;
import dev.tunelab.core.messages.TrialCommand;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The worker role: {@code tunelab.worker.slots} consumers in one group, each training one trial
 * at a time and committing its offset only after the trial's final event is acknowledged.
 */
@ApplicationScoped
public class WorkerService {
  private static final Logger LOG = Logger.getLogger(WorkerService.class);

  @ConfigProperty(name = "tunelab.roles", defaultValue = "api,scheduler,worker")
  List<String> roles;

  @ConfigProperty(name = "tunelab.kafka.bootstrap")
  String bootstrap;

  @ConfigProperty(name = "tunelab.api.url")
  String apiUrl;

  @ConfigProperty(name = "tunelab.worker.slots", defaultValue = "1")
  int slots;

  @ConfigProperty(name = "tunelab.worker.threads-per-slot", defaultValue = "1")
  int threadsPerSlot;

  @ConfigProperty(name = "tunelab.worker.gpu", defaultValue = "false")
  boolean gpu;

  private volatile boolean running;
  private final List<Thread> threads = new ArrayList<>();
  private StopRequests stops;
  private KafkaProducer<String, String> producer;

  void start(@Observes StartupEvent ev) throws Exception {
    if (!roles.contains("worker")) return;
    running = true;
    NativeThreads.limit(threadsPerSlot);
    String host = InetAddress.getLocalHost().getHostName();
    String id = host + "/" + ProcessHandle.current().pid();
    producer = new KafkaProducer<>(Topics.producerConfig(bootstrap, "tunelab-worker-" + id));
    stops = new StopRequests(bootstrap);
    threads.add(daemon("tunelab-worker-control", stops));
    ApiClient api = new ApiClient(apiUrl);
    DatasetCache datasets = new DatasetCache(api);
    for (int slot = 0; slot < slots; slot++) {
      TrialRunner runner = new TrialRunner(api, datasets, stops, producer, id + "#" + slot);
      threads.add(daemon("tunelab-worker-" + slot, () -> consume(runner)));
    }
    threads.forEach(Thread::start);
    LOG.infof("worker %s started with %d slot(s) on %s", id, slots, gpu ? Topics.TRIALS_GPU : Topics.TRIALS);
  }

  void stop(@Observes ShutdownEvent ev) {
    if (!running) return;
    running = false;
    stops.close();
    for (Thread t : threads) t.interrupt();
    for (Thread t : threads) {
      try {
        t.join(10_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    producer.close(Duration.ofSeconds(5));
  }

  private void consume(TrialRunner runner) {
    Map<String, Object> config = new HashMap<>(Topics.consumerConfig(bootstrap, "tunelab-workers"));
    config.put("max.poll.records", "1");
    // A trial may train for a long time between polls; its offset is committed only at its end.
    config.put("max.poll.interval.ms", String.valueOf(Duration.ofHours(6).toMillis()));
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
      consumer.subscribe(List.of(gpu ? Topics.TRIALS_GPU : Topics.TRIALS));
      while (running) {
        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
          TrialCommand cmd;
          try {
            cmd = Json.read(r.value(), TrialCommand.class);
          } catch (RuntimeException e) {
            LOG.errorf(e, "skipping unreadable trial command at offset %d", r.offset());
            consumer.commitSync();
            continue;
          }
          runner.run(cmd);
          consumer.commitSync();
        }
      }
    } catch (InterruptedException | org.apache.kafka.common.errors.InterruptException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      if (running) LOG.error("worker slot stopped", e);
    }
  }

  private static Thread daemon(String name, Runnable body) {
    Thread t = new Thread(body, name);
    t.setDaemon(true);
    return t;
  }
}
