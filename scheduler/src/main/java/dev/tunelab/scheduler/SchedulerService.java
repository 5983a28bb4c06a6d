package dev.tunelab.scheduler;

import dev.tunelab.core.messages.Topics;
import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.InjectableInstance;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The scheduler role: waits to become leader, then ticks: settles expired leases, keeps studies at
 * their parallelism and relays the outbox to Kafka. Trial events are applied on a thread of their
 * own ({@link TrialEventConsumer}), so slow Kafka never stalls intake.
 */
@ApplicationScoped
public class SchedulerService {
    private static final Logger LOG = Logger.getLogger(SchedulerService.class);

    @Inject
    TrialDispatcher dispatcher;

    @Inject
    OutboxRelay relay;

    @Inject
    TrialEventConsumer eventConsumer;

    @Inject
    LeaseKeeper leases;
    // Resolved only in the scheduler role: a worker-only process has no active datasource.
    @Inject
    InjectableInstance<AgroalDataSource> dataSource;

    @ConfigProperty(name = "tunelab.roles", defaultValue = "api,scheduler,worker")
    List<String> roles;

    @ConfigProperty(name = "tunelab.kafka.bootstrap")
    String bootstrap;

    @ConfigProperty(name = "tunelab.scheduler.tick", defaultValue = "PT0.3S")
    Duration tick;

    private final Semaphore wake = new Semaphore(0);

    @ConfigProperty(name = "tunelab.scheduler.lease", defaultValue = "PT15S")
    Duration lease;

    private volatile boolean running;
    private final List<Thread> threads = new CopyOnWriteArrayList<>();
    private Thread events;

    void start(@Observes StartupEvent ev) {
        if (!roles.contains("scheduler")) return;
        running = true;
        Thread leader = daemon("tunelab-scheduler", this::leadWhenElected);
        threads.add(leader);
        leader.start();
    }

    void stop(@Observes ShutdownEvent ev) {
        running = false;
        // No interrupts: Kafka clients closed from an interrupted thread fail to leave their group.
        for (Thread t : threads) {
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void leadWhenElected() {
        while (running) {
            try (LeaderLock lock = LeaderLock.tryAcquire(dataSource.get())) {
                if (lock == null) {
                    sleep(Duration.ofSeconds(5));
                    continue;
                }
                LOG.info("scheduler is the leader");
                TopicSetup.ensure(bootstrap);
                if (events == null || !events.isAlive()) {
                    events = daemon(
                            "tunelab-trial-events", () -> eventConsumer.run(bootstrap, () -> running, wake::release));
                    threads.add(events);
                    events.start();
                }
                try (KafkaProducer<String, String> producer =
                        new KafkaProducer<>(Topics.producerConfig(bootstrap, "tunelab-scheduler"))) {
                    while (running && lock.stillHeld()) {
                        loopOnce(producer);
                        awaitWork();
                    }
                }
            } catch (Exception e) {
                if (running) {
                    LOG.warn("scheduler loop failed; retrying", e);
                    sleep(Duration.ofSeconds(2));
                }
            }
        }
    }

    private static final long HOUSEKEEPING_NANOS = Duration.ofSeconds(30).toNanos();
    private long lastHousekeeping = System.nanoTime();

    /** Leases last seconds: looking for expired ones on every wake-up would only cost a query. */
    private static final long LEASE_CHECK_NANOS = Duration.ofSeconds(1).toNanos();

    private long lastLeaseCheck = System.nanoTime() - LEASE_CHECK_NANOS;

    private void loopOnce(KafkaProducer<String, String> producer) throws InterruptedException {
        // Before advancing: a trial failed for good here frees its slot in this very tick. While
        // events cannot flow (broker or database away, or a backlog being read), a silent worker is
        // not a dead one: leases are judged only after events have flowed for a whole lease.
        boolean checkLeases = System.nanoTime() - lastLeaseCheck >= LEASE_CHECK_NANOS && eventConsumer.steadyFor(lease);
        if (checkLeases) lastLeaseCheck = System.nanoTime();
        for (UUID trial : checkLeases ? leases.expired() : List.<UUID>of()) {
            try {
                leases.reclaim(trial);
            } catch (RuntimeException e) {
                LOG.errorf(e, "could not settle the expired lease of trial %s", trial);
            }
        }
        for (UUID study : dispatcher.activeStudies()) {
            try {
                dispatcher.advance(study);
            } catch (RuntimeException e) {
                LOG.errorf(e, "could not advance study %s", study);
            }
        }
        while (relay.publishPending(producer) == OutboxRelay.BATCH) {
            // a full batch: drain the backlog before the next tick (a short one was all there was)
        }
        if (System.nanoTime() - lastHousekeeping > HOUSEKEEPING_NANOS) {
            lastHousekeeping = System.nanoTime();
            leases.dropFinishedCheckpoints();
        }
    }

    private void awaitWork() {
        try {
            wake.tryAcquire(tick.toMillis(), TimeUnit.MILLISECONDS);
            wake.drainPermits();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private static Thread daemon(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        return t;
    }

    private void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
