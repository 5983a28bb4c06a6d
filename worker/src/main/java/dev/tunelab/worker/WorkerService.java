package dev.tunelab.worker;

import dev.tunelab.core.messages.Topics;
import dev.tunelab.core.messages.WorkerReport;
import dev.tunelab.worker.training.NativeMemory;
import dev.tunelab.worker.training.NativeThreads;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * The worker role: one consumer in the workers' group feeding {@code tunelab.worker.slots} trial
 * slots, plus a listener for stop requests. Workers touch no database: data comes over HTTP.
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

    /** The worker credential (TUNELAB_WORKER_TOKEN); absent only where the API runs without authentication. */
    @ConfigProperty(name = "tunelab.worker.token")
    Optional<String> token;

    @ConfigProperty(name = "tunelab.worker.slots", defaultValue = "1")
    int slots;

    /** Native threads per trial; by default the machine's cores split between the slots. */
    @ConfigProperty(name = "tunelab.worker.threads-per-slot")
    Optional<Integer> threadsPerSlot;

    /** {@code cpu} or {@code gpu}: which trials topic this worker reads and what it reports. */
    @ConfigProperty(name = "tunelab.worker.device", defaultValue = "cpu")
    String device;

    private boolean gpu;

    /**
     * Bench and test setting only: trials train nothing and report their epochs at once, so a
     * benchmark measures the service alone (Kafka, events, PostgreSQL). Off in every deployment.
     */
    @ConfigProperty(name = "tunelab.worker.noop-trainer", defaultValue = "false")
    boolean noopTrainer;

    /** How often each running trial, and the worker itself, says it is alive. */
    @ConfigProperty(name = "tunelab.worker.heartbeat", defaultValue = "PT2S")
    Duration heartbeat;

    private volatile boolean running;
    private final List<Thread> threads = new ArrayList<>();
    private StopRequests stops;
    private TrialConsumer trials;
    private KafkaProducer<String, String> producer;
    private Heartbeats heartbeats;

    void start(@Observes StartupEvent ev) throws Exception {
        if (!roles.contains("worker")) return;
        if (!List.of("cpu", "gpu").contains(device)) {
            throw new IllegalArgumentException("tunelab.worker.device must be cpu or gpu, not '" + device + "'");
        }
        gpu = device.equals("gpu");
        running = true;
        long physical = NativeMemory.configure();
        if (physical != 0)
            LOG.warnf(
                    "JavaCPP checks resident memory on every allocation (limit %d bytes): small networks train slower",
                    physical);
        NativeThreads.limit(
                threadsPerSlot.orElse(Math.max(1, Runtime.getRuntime().availableProcessors() / slots)));
        String host = InetAddress.getLocalHost().getHostName();
        String id = host + "/" + ProcessHandle.current().pid();
        producer = new KafkaProducer<>(Topics.producerConfig(bootstrap, "tunelab-worker-" + id));
        stops = new StopRequests(bootstrap);
        threads.add(daemon("tunelab-worker-control", stops));
        ApiClient api = new ApiClient(apiUrl, token.map(String::strip).orElse(null));
        DatasetCache datasets = new DatasetCache(api);
        heartbeats = new Heartbeats(heartbeat);
        String startedAt = Instant.now().toString();
        long memory = memoryBytes();
        heartbeats.worker(() -> report(
                api,
                new WorkerReport(
                        id,
                        gpu ? WorkerReport.GPU : WorkerReport.CPU,
                        memory,
                        slots,
                        heartbeats.running(),
                        host,
                        startedAt)));
        if (noopTrainer) LOG.warn("tunelab.worker.noop-trainer is on: trials are not trained (bench and test setting)");
        Trainer trainer = Trainer.of(noopTrainer);
        List<TrialConsumer.Slot> runners = new ArrayList<>();
        for (int slot = 0; slot < slots; slot++) {
            String name = id + "#" + slot;
            runners.add(new TrialConsumer.Slot(
                    new TrialRunner(api, datasets, stops, producer, name, heartbeats, trainer),
                    new EvaluationRunner(api, datasets, producer, name)));
        }
        Map<String, Object> config = new HashMap<>(Topics.consumerConfig(bootstrap, "tunelab-workers"));
        config.put("max.poll.records", "1");
        // A trial may train for hours; the consumer keeps polling while slots train, so this is a
        // backstop.
        config.put("max.poll.interval.ms", String.valueOf(Duration.ofHours(6).toMillis()));
        trials = new TrialConsumer(config, gpu ? Topics.TRIALS_GPU : Topics.TRIALS, runners);
        threads.add(daemon("tunelab-worker-trials", trials));
        threads.forEach(Thread::start);
        LOG.infof("worker %s started with %d slot(s) on %s", id, slots, gpu ? Topics.TRIALS_GPU : Topics.TRIALS);
    }

    void stop(@Observes ShutdownEvent ev) {
        if (!running) return;
        running = false;
        heartbeats.close();
        stops.close();
        trials.close();
        // No interrupts: Kafka clients closed from an interrupted thread fail to leave their group.
        for (Thread t : threads) {
            try {
                t.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        producer.close(Duration.ofSeconds(5));
    }

    /** An API from before worker reports answers 404: the worker trains all the same. */
    private static void report(ApiClient api, WorkerReport r) {
        try {
            api.reportWorker(r);
        } catch (IOException e) {
            LOG.debugf("worker report not taken: %s", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The JVM's heap limit on a CPU; on a GPU the device's memory, where the arrays live. */
    private long memoryBytes() {
        if (gpu) {
            try {
                long device = NativeOpsHolder.getInstance().getDeviceNativeOps().getDeviceTotalMemory(0);
                if (device > 0) return device;
            } catch (RuntimeException | LinkageError e) {
                LOG.debug("device memory unknown", e);
            }
        }
        return Runtime.getRuntime().maxMemory();
    }

    private static Thread daemon(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        return t;
    }
}
