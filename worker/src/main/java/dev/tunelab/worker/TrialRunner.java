package dev.tunelab.worker;

import dev.tunelab.core.messages.Json;
import dev.tunelab.core.messages.Topics;
import dev.tunelab.core.messages.TrialCommand;
import dev.tunelab.core.messages.TrialEvent;
import dev.tunelab.worker.training.Checkpoint;
import dev.tunelab.worker.training.TrainingResult;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.jboss.logging.Logger;

/** Runs one trial command to its end and reports each step; never throws for a bad trial. */
final class TrialRunner {
    private static final Logger LOG = Logger.getLogger(TrialRunner.class);

    private final ApiClient api;
    private final DatasetCache datasets;
    private final StopRequests stops;
    private final Producer<String, String> producer;
    private final String workerId;
    private final Heartbeats heartbeats;
    private final CheckpointUploads checkpointUploads;
    private final Trainer trainer;

    TrialRunner(
            ApiClient api,
            DatasetCache datasets,
            StopRequests stops,
            Producer<String, String> producer,
            String workerId,
            Heartbeats heartbeats,
            Trainer trainer) {
        this.heartbeats = heartbeats;
        this.trainer = trainer;
        this.api = api;
        this.datasets = datasets;
        this.stops = stops;
        this.producer = producer;
        this.workerId = workerId;
        this.checkpointUploads = new CheckpointUploads("tunelab-checkpoints-" + workerId, this::save);
    }

    /** Returns once the trial's final event is acknowledged by Kafka. */
    void run(TrialCommand cmd) throws InterruptedException {
        AtomicInteger finishedEpoch = new AtomicInteger();
        Heartbeats.Trial beats = null;
        try {
            if (!api.claim(cmd.trialId(), cmd.attempt())) {
                LOG.infof("skipping trial %s attempt %d: no longer wanted", cmd.trialId(), cmd.attempt());
                return;
            }
            inFlight.clear();
            sendAsync(cmd, TrialEvent.Type.STARTED, 0, Map.of());
            // Until the final event is sent (a beat after it is ignored), through uploads and
            // dataset downloads too: the scheduler re-queues an attempt whose beats stop.
            beats = heartbeats.trial(() -> heartbeat(cmd, finishedEpoch.get()));
            DatasetCache.Entry data = datasets.get(cmd.datasetId());
            Checkpoint resumeFrom = cmd.resume() ? latestCheckpoint(cmd) : null;
            if (resumeFrom != null) finishedEpoch.set(resumeFrom.epoch());
            TrainingResult result = trainer.train(
                    cmd,
                    data.samples(),
                    resumeFrom,
                    (epoch, metrics) -> {
                        sendAsync(cmd, TrialEvent.Type.EPOCH, epoch, finite(metrics));
                        finishedEpoch.set(epoch);
                    },
                    checkpointUploads::offer,
                    () -> stops.requested(cmd.trialId(), cmd.attempt()));
            if (result.stopped()) {
                send(
                        cmd,
                        TrialEvent.Type.STOPPED,
                        result.epochsDone(),
                        Map.of(),
                        null,
                        "stopped on request after epoch " + result.epochsDone());
            } else if (result.objective() == null || !Double.isFinite(result.objective())) {
                // A diverged trial must not rank: NaN sorts above every number in PostgreSQL.
                send(
                        cmd,
                        TrialEvent.Type.FAILED,
                        result.epochsDone(),
                        finite(result.finalMetrics()),
                        null,
                        "training diverged: " + cmd.objectiveMetric() + " is " + result.objective());
            } else {
                // Only the no-op trainer (bench and test setting) makes no model.
                if (result.artifactZip() != null) uploadWhenReachable(cmd, result.artifactZip());
                send(
                        cmd,
                        TrialEvent.Type.COMPLETED,
                        result.epochsDone(),
                        result.finalMetrics(),
                        result.objective(),
                        null);
            }
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception | Error e) {
            if (FailureReason.apiUnavailable(e)) {
                // The trial is not at fault: the slot runs it again once the API answers.
                throw new ReportFailed("the API is unreachable for trial " + cmd.trialId() + ": " + e.getMessage(), e);
            }
            // Errors too (OutOfMemoryError above all): they end this trial, not the slot's thread, whose
            // memory is free again once the trainer's arrays are unreachable.
            LOG.warnf(e, "trial %s attempt %d failed", cmd.trialId(), cmd.attempt());
            send(cmd, TrialEvent.Type.FAILED, finishedEpoch.get(), Map.of(), null, FailureReason.of(e));
        } finally {
            checkpointUploads.discard();
            if (beats != null) beats.close();
        }
    }

    /** A trained model is not thrown away because the API restarts: the upload waits for it. */
    private void uploadWhenReachable(TrialCommand cmd, byte[] zip) throws IOException, InterruptedException {
        for (int tries = 1; ; tries++) {
            try {
                api.uploadArtifact(cmd.trialId(), cmd.attempt(), zip);
                return;
            } catch (IOException e) {
                if (!FailureReason.apiUnavailable(e) || tries >= 150) throw e;
                LOG.infof("model of trial %s not uploaded (%s); trying again", cmd.trialId(), e.getMessage());
                Thread.sleep(2_000);
            }
        }
    }

    /** Not waited for: the next beat follows shortly, and the beat thread serves every slot. */
    private void heartbeat(TrialCommand cmd, int finishedEpoch) {
        TrialEvent e = new TrialEvent(
                TrialEvent.VERSION,
                TrialEvent.Type.HEARTBEAT,
                cmd.trialId(),
                cmd.attempt(),
                finishedEpoch,
                Map.of(),
                null,
                null,
                workerId);
        producer.send(
                new ProducerRecord<>(Topics.TRIAL_EVENTS, cmd.trialId().toString(), Json.write(e)), (meta, ex) -> {
                    if (ex != null) LOG.debugf(ex, "heartbeat of trial %s not sent", cmd.trialId());
                });
    }

    /**
     * The checkpoint to go on from, or null to start afresh: when there is none, or it cannot be
     * fetched or read (training from scratch gives the same result, only later).
     */
    private Checkpoint latestCheckpoint(TrialCommand cmd) throws InterruptedException {
        try {
            byte[] zip = api.checkpoint(cmd.trialId());
            if (zip == null) {
                LOG.infof("trial %s attempt %d starts afresh: no checkpoint", cmd.trialId(), cmd.attempt());
                return null;
            }
            Checkpoint c = Checkpoint.read(zip);
            LOG.infof(
                    "trial %s attempt %d resumes after epoch %d of attempt %d",
                    cmd.trialId(), cmd.attempt(), c.epoch(), c.attempt());
            return c;
        } catch (IOException | RuntimeException e) {
            LOG.warnf(
                    e,
                    "trial %s attempt %d starts afresh: its checkpoint is unavailable",
                    cmd.trialId(),
                    cmd.attempt());
            return null;
        }
    }

    /**
     * A checkpoint that cannot be stored costs only time if the attempt dies, so training goes on.
     */
    private void save(Checkpoint c) {
        try {
            api.uploadCheckpoint(c.trialId(), c.attempt(), c.epoch(), c.zip());
        } catch (IOException | RuntimeException e) {
            LOG.warnf(e, "checkpoint of trial %s after epoch %d not stored", c.trialId(), c.epoch());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** JSON has no NaN or infinity; a diverged metric is left out rather than sent as text. */
    static Map<String, Double> finite(Map<String, Double> metrics) {
        Map<String, Double> out = new java.util.LinkedHashMap<>();
        metrics.forEach((k, v) -> {
            if (v != null && Double.isFinite(v)) out.put(k, v);
        });
        return out;
    }

    /**
     * STARTED and EPOCH events are not waited for, one by one: the trial's final event waits for them
     * and for itself, so the offset (committed after the final event) still moves only once every
     * event of the attempt is acknowledged. Kafka keeps them in order (one partition per trial, an
     * idempotent producer); if one fails, the final send fails and the attempt runs again.
     */
    private final List<Future<RecordMetadata>> inFlight = new ArrayList<>();

    private void sendAsync(TrialCommand cmd, TrialEvent.Type type, int epoch, Map<String, Double> metrics) {
        TrialEvent e = new TrialEvent(
                TrialEvent.VERSION, type, cmd.trialId(), cmd.attempt(), epoch, metrics, null, null, workerId);
        inFlight.add(producer.send(
                new ProducerRecord<>(Topics.TRIAL_EVENTS, cmd.trialId().toString(), Json.write(e))));
    }

    private void send(
            TrialCommand cmd,
            TrialEvent.Type type,
            int epoch,
            Map<String, Double> metrics,
            Double objective,
            String message) {
        TrialEvent e = new TrialEvent(
                TrialEvent.VERSION, type, cmd.trialId(), cmd.attempt(), epoch, metrics, objective, message, workerId);
        inFlight.add(producer.send(
                new ProducerRecord<>(Topics.TRIAL_EVENTS, cmd.trialId().toString(), Json.write(e))));
        try {
            for (Future<RecordMetadata> f : inFlight) f.get(60, TimeUnit.SECONDS);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new ReportFailed("interrupted while reporting " + type, ex);
        } catch (ExecutionException | TimeoutException ex) {
            throw new ReportFailed("could not report " + type + " for trial " + cmd.trialId(), ex);
        } finally {
            inFlight.clear();
        }
    }

    /** Kafka did not take an event; the trial is worth running again, unlike a bug in the worker. */
    static final class ReportFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ReportFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
