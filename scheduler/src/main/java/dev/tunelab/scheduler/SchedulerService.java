package dev.tunelab.scheduler;

import dev.tunelab.core.messages.Json;
import dev.tunelab.core.messages.Topics;
import dev.tunelab.core.messages.TrialEvent;
import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.InjectableInstance;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.errors.TopicExistsException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The scheduler role: waits to become leader, then keeps studies at their parallelism, relays the
 * outbox to Kafka and applies trial events. One thread each, so slow Kafka never stalls intake.
 */
@ApplicationScoped
public class SchedulerService {
  private static final Logger LOG = Logger.getLogger(SchedulerService.class);

  @Inject TrialDispatcher dispatcher;
  @Inject OutboxRelay relay;
  @Inject EventIntake intake;
  @Inject LeaseKeeper leases;
  // Resolved only in the scheduler role: a worker-only process has no active datasource.
  @Inject InjectableInstance<AgroalDataSource> dataSource;

  @ConfigProperty(name = "tunelab.roles", defaultValue = "api,scheduler,worker")
  List<String> roles;

  @ConfigProperty(name = "tunelab.kafka.bootstrap")
  String bootstrap;

  @ConfigProperty(name = "tunelab.scheduler.tick", defaultValue = "PT0.3S")
  Duration tick;

  private final Semaphore wake = new Semaphore(0);

  @ConfigProperty(name = "tunelab.scheduler.lease", defaultValue = "PT15S")
  Duration lease;

  private final EventFlow eventFlow = new EventFlow();
  private volatile boolean running;
  private final List<Thread> threads = new java.util.concurrent.CopyOnWriteArrayList<>();
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
        ensureTopics();
        if (events == null || !events.isAlive()) {
          events = daemon("tunelab-trial-events", this::consumeEvents);
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
    boolean checkLeases = System.nanoTime() - lastLeaseCheck >= LEASE_CHECK_NANOS && eventFlow.steadyFor(lease);
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

  private void consumeEvents() {
    Map<String, Object> config = Topics.consumerConfig(bootstrap, "tunelab-scheduler");
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
      consumer.subscribe(List.of(Topics.TRIAL_EVENTS));
      while (running) {
        ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
        List<TrialEvent> batch = records.isEmpty() ? List.of() : applyAll(records);
        boolean batched = batch != null && !records.isEmpty();
        boolean failed = batch == null && applyEach(consumer, records);
        if (batched) {
          // Not waited for: every write is idempotent, so events whose commit is lost are applied
          // again harmlessly; a failed batch seeks back and commits nothing past what was applied.
          consumer.commitAsync(nextOffsets(records), (offsets, e) -> {
            if (e != null) LOG.debugf("trial event offsets not committed (%s); they are applied again", e.getMessage());
          });
        }
        // A finished or pruned trial frees a slot and a stop waits in the outbox: act now, not at
        // the next tick. Heartbeats alone change neither.
        if (!records.isEmpty() && (batch == null || !onlyHeartbeats(batch))) wake.release();
        eventFlow.observe(!failed && connected(consumer));
        if (failed) sleep(Duration.ofSeconds(1));
      }
    } catch (org.apache.kafka.common.errors.InterruptException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      if (running) LOG.error("trial event consumer stopped", e);
    }
  }

  /** The whole poll in one transaction: its events, or null when it could not be applied (then event by event). */
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
      LOG.debugf("a batch of %d trial events failed (%s); applying them one by one", events.size(), e.getMessage());
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

  /** Whether the consumer has a live connection to a broker (it polls quietly through an outage). */
  private static boolean connected(KafkaConsumer<String, String> consumer) {
    for (Map.Entry<MetricName, ? extends Metric> m : consumer.metrics().entrySet()) {
      if (m.getKey().name().equals("connection-count") && m.getKey().group().equals("consumer-metrics")) {
        return m.getValue().metricValue() instanceof Number n && n.doubleValue() > 0;
      }
    }
    return true;
  }

  private void ensureTopics() throws InterruptedException {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
      for (String topic : Topics.ALL) {
        try {
          admin.createTopics(List.of(new NewTopic(topic, Topics.PARTITIONS, (short) -1))).all().get();
        } catch (java.util.concurrent.ExecutionException e) {
          if (!(e.getCause() instanceof TopicExistsException)) throw new IllegalStateException(e);
        }
      }
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
