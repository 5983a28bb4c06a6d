package dev.tunelab.worker;

import dev.tunelab.core.data.Samples;
import dev.tunelab.core.messages.EvaluateCommand;
import dev.tunelab.core.messages.Json;
import dev.tunelab.core.messages.Topics;
import dev.tunelab.core.messages.TrialEvent;
import dev.tunelab.worker.training.TestEvaluator;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jboss.logging.Logger;

/**
 * Scores a finished study's best model on its test split and reports the result; never throws for a
 * bad evaluation (the study shows the reason instead).
 */
final class EvaluationRunner {
    private static final Logger LOG = Logger.getLogger(EvaluationRunner.class);

    private final ApiClient api;
    private final DatasetCache datasets;
    private final Producer<String, String> producer;
    private final String workerId;

    EvaluationRunner(ApiClient api, DatasetCache datasets, Producer<String, String> producer, String workerId) {
        this.api = api;
        this.datasets = datasets;
        this.producer = producer;
        this.workerId = workerId;
    }

    void run(EvaluateCommand cmd) throws InterruptedException {
        TrialEvent.Type type;
        Map<String, Double> metrics = Map.of();
        String message = null;
        try {
            // The claim is what lets this worker's credential read the model and datasets.
            api.claim(cmd.trialId(), cmd.attempt());
            byte[] model = api.trialModel(cmd.studyId(), cmd.number());
            Samples data = datasets.get(cmd.datasetId()).samples();
            Samples test = cmd.testDatasetId() == null
                    ? null
                    : datasets.get(cmd.testDatasetId()).samples();
            metrics = TrialRunner.finite(
                    TestEvaluator.evaluate(model, data, cmd.testFraction(), cmd.seed(), cmd.validationSplit(), test));
            type = TrialEvent.Type.TEST_EVALUATED;
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception | Error e) {
            if (FailureReason.apiUnavailable(e)) {
                throw new TrialRunner.ReportFailed("the API is unreachable for the test of " + cmd.trialId(), e);
            }
            // An out-of-memory error ends this evaluation, as it ends a trial, not the slot's thread.
            LOG.warnf(e, "test evaluation of trial %s failed", cmd.trialId());
            type = TrialEvent.Type.TEST_FAILED;
            message = FailureReason.of(e);
        }
        TrialEvent event = new TrialEvent(
                TrialEvent.VERSION, type, cmd.trialId(), cmd.attempt(), 0, metrics, null, message, workerId);
        try {
            producer.send(new ProducerRecord<>(
                            Topics.TRIAL_EVENTS, cmd.trialId().toString(), Json.write(event)))
                    .get(60, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new TrialRunner.ReportFailed("could not report the test evaluation of " + cmd.trialId(), e);
        }
    }
}
