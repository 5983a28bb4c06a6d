package dev.tunelab.worker.training;

import dev.tunelab.core.data.Samples;
import dev.tunelab.core.messages.MetricNames;
import dev.tunelab.core.messages.TrialCommand;
import dev.tunelab.core.study.Task;
import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.preprocessor.DataNormalization;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Trains one trial attempt end to end: split, normalize, build, fit epoch by epoch with metrics,
 * then package the model with its normalizer and model card.
 *
 * <p>Everything random is seeded from the command, so a redelivered or retried trial trains the
 * same network: the split uses {@code seed} (the same validation and test rows for every trial of a
 * study, so trials are compared fairly and the test rows stay unseen), the network uses {@code seed
 * + number} (so trials differ from each other) and each epoch's minibatch order and dropout {@link
 * #epochSeed}. The normalizer is fitted on the training rows only. Test rows are held out first and
 * never used here; {@link TestEvaluator} takes exactly those rows. Stops are honoured between
 * minibatches, so a cancelled trial on a large image set frees its slot within one minibatch
 * instead of one epoch. Rows are turned into arrays one minibatch at a time, so a large image set
 * is never one array.
 *
 * <p>Holds no state: one instance may serve concurrent trials on different threads (ND4J's random
 * generator, seeded here, is per thread).
 */
public final class TrialTrainer {
    /** Rows per forward pass when computing metrics: bounds memory for large image sets. */
    static final int EVALUATION_CHUNK = 512;

    /**
     * Training metrics are measured on at most this many training rows, evenly spread: on a large
     * image set a full pass would add a third to every epoch, and the validation metrics (always on
     * every validation row) are what studies and pruners judge.
     */
    static final int TRAIN_METRIC_ROWS = 10_000;

    static {
        NativeMemory.configure();
    }

    private final Clock clock;
    private final CheckpointPolicy checkpointPolicy;

    public TrialTrainer() {
        this(Clock.systemUTC(), CheckpointPolicy.DEFAULT);
    }

    /**
     * @param clock source of the model card's {@code createdAt}
     */
    public TrialTrainer(Clock clock) {
        this(clock, CheckpointPolicy.DEFAULT);
    }

    /**
     * @param clock source of the model card's {@code createdAt}
     * @param checkpointPolicy which finished epochs get a checkpoint, when checkpoints are wanted
     */
    public TrialTrainer(Clock clock, CheckpointPolicy checkpointPolicy) {
        this.clock = clock;
        this.checkpointPolicy = checkpointPolicy;
    }

    /** Trains from scratch without checkpoints. */
    public TrainingResult train(TrialCommand cmd, Samples data, EpochListener listener, BooleanSupplier stopRequested) {
        return train(cmd, data, null, listener, null, stopRequested);
    }

    /**
     * @param resumeFrom an earlier attempt's checkpoint of this trial to continue from (its network,
     *     updater state and normalizer; training goes on with its epoch + 1), or null to start afresh
     * @param listener told after each epoch this attempt finishes
     * @param checkpoints given a checkpoint after each finished epoch the {@link CheckpointPolicy}
     *     picks (after {@code listener}), or null when none are wanted
     * @param stopRequested polled before each minibatch after the first; true ends training early,
     *     with the metrics of the last finished epoch
     * @throws TrainingFailed when the loss of a minibatch is NaN or infinite
     * @throws IllegalArgumentException when the command does not fit the data (objective metric not
     *     reported for this head, output units that are not the class count, another shape) or the
     *     checkpoint is another trial's
     */
    public TrainingResult train(
            TrialCommand cmd,
            Samples data,
            Checkpoint resumeFrom,
            EpochListener listener,
            Consumer<Checkpoint> checkpoints,
            BooleanSupplier stopRequested) {
        Head head = Head.of(data.task(), cmd.model().output());
        head.checkFits(data.task() == Task.CLASSIFICATION ? data.classes().size() : 1);
        if (!head.epochMetrics().contains(cmd.objectiveMetric())) {
            throw new IllegalArgumentException("objective metric '"
                    + cmd.objectiveMetric()
                    + "' is not reported for this model; one of "
                    + head.epochMetrics());
        }
        if (resumeFrom != null && !resumeFrom.trialId().equals(cmd.trialId())) {
            throw new IllegalArgumentException(
                    "the checkpoint is trial " + resumeFrom.trialId() + "'s, not " + cmd.trialId() + "'s");
        }
        List<Integer> shape = inputShape(cmd, data);

        Nd4j.getRandom().setSeed(cmd.seed());
        // Seeded by the study alone, so a resumed attempt has the first attempt's split.
        Split split = Split.of(data.size(), cmd.testFraction(), cmd.validationSplit(), cmd.seed(), data.ordered());
        int batchSize = cmd.model().batchSize();
        DataNormalization normalizer;
        MultiLayerNetwork net;
        int epochsDone;
        if (resumeFrom == null) {
            normalizer =
                    Normalizers.fit(data.kind(), DataSets.chunks(data, split.train(), head, EVALUATION_CHUNK, null));
            net = NetworkFactory.build(cmd.model(), data.kind(), shape, cmd.seed() + cmd.number());
            epochsDone = 0;
        } else {
            normalizer = resumeFrom.normalizer();
            net = resumeFrom.network();
            epochsDone = resumeFrom.epoch();
        }

        int[] trainMetricRows = RowOrder.evenlySpread(split.train(), TRAIN_METRIC_ROWS);
        boolean stopped = false;
        Map<String, Double> metrics = Map.of();
        int firstEpoch = epochsDone + 1;
        long trainedSince = System.nanoTime();
        long checkpointCost = 0;
        for (int epoch = firstEpoch; epoch <= cmd.epochs(); epoch++) {
            long epochSeed = epochSeed(cmd, epoch);
            // Dropout draws from ND4J's generator: reseeded per epoch like the order, for the same
            // reason.
            Nd4j.getRandom().setSeed(epochSeed);
            Iterable<DataSet> minibatches = DataSets.chunks(
                    data, RowOrder.shuffled(split.train(), new Random(epochSeed)), head, batchSize, normalizer);
            // An attempt's very first minibatch is never skipped, as before: a stop needs something to
            // stop.
            if (!fitEpoch(net, epoch, minibatches, epoch > firstEpoch ? stopRequested : () -> false, stopRequested)) {
                stopped = true;
                break;
            }
            // Schedules count epochs; fitting single minibatches does not advance DL4J's counter.
            net.incrementEpochCount();
            metrics = measure(net, data, trainMetricRows, split, head, normalizer);
            epochsDone = epoch;
            listener.onEpoch(epoch, metrics);
            if (checkpoints != null && checkpointPolicy.due(System.nanoTime() - trainedSince, checkpointCost)) {
                long begin = System.nanoTime();
                Checkpoint c = Checkpoint.of(net, normalizer, cmd.trialId(), cmd.attempt(), epoch);
                trainedSince = System.nanoTime();
                checkpointCost = Math.max(1, trainedSince - begin);
                checkpoints.accept(c);
            }
        }
        if (epochsDone == firstEpoch - 1 && resumeFrom != null) {
            // Nothing trained by this attempt (the checkpoint was of the last epoch, or a stop came at
            // once): the result still carries the network's metrics.
            metrics = measure(net, data, trainMetricRows, split, head, normalizer);
        }
        Double objective = metrics.get(cmd.objectiveMetric());

        ModelCard card = new ModelCard(
                ModelCard.FORMAT,
                cmd.trialId(),
                cmd.studyId(),
                cmd.number(),
                cmd.attempt(),
                cmd.datasetId(),
                data.task(),
                data.kind(),
                shape,
                data.featureNames(),
                data.task() == Task.CLASSIFICATION ? data.classes() : null,
                cmd.params(),
                cmd.model(),
                epochsDone,
                metrics,
                cmd.objectiveMetric(),
                objective,
                new ModelCard.SplitInfo(
                        cmd.seed(),
                        cmd.validationSplit(),
                        split.validation().clone(),
                        cmd.testFraction(),
                        split.test().clone(),
                        data.ordered()),
                clock.instant().toString(),
                ModelCard.FRAMEWORK);
        byte[] zip = stopped ? null : ModelZip.write(net, normalizer, card);
        return new TrainingResult(stopped, epochsDone, metrics, objective, zip, card);
    }

    /**
     * Training metrics on the evenly spread rows, then validation metrics on every validation row.
     */
    private static Map<String, Double> measure(
            MultiLayerNetwork net,
            Samples data,
            int[] trainMetricRows,
            Split split,
            Head head,
            DataNormalization normalizer) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.putAll(Metrics.of(net, DataSets.chunks(data, trainMetricRows, head, EVALUATION_CHUNK, normalizer), head, ""));
        m.putAll(Metrics.of(
                net,
                DataSets.chunks(data, split.validation(), head, EVALUATION_CHUNK, normalizer),
                head,
                MetricNames.VALIDATION_PREFIX));
        return Collections.unmodifiableMap(m);
    }

    /** The model's input shape, which must be the data's (a spec from before shapes had none). */
    private static List<Integer> inputShape(TrialCommand cmd, Samples data) {
        List<Integer> spec = cmd.model().inputShape();
        if (spec != null && !spec.equals(data.shape())) {
            throw new IllegalArgumentException("the model was resolved for input shape "
                    + spec
                    + " but the dataset's samples have shape "
                    + data.shape());
        }
        return data.shape();
    }

    /**
     * The seed of epoch {@code epoch}'s minibatch order and dropout masks. Each epoch has its own
     * rather than one generator running across epochs, so an attempt resuming from a checkpoint
     * trains exactly the epochs the first attempt would have, with no generator state to save.
     */
    static long epochSeed(TrialCommand cmd, int epoch) {
        return cmd.seed() + cmd.number() + 1_000_003L * epoch;
    }

    /**
     * Fits the minibatches in order; false when a stop came first ({@code stopBeforeFirst} is asked
     * before the first minibatch, {@code stop} before each later one).
     *
     * @throws TrainingFailed as soon as a minibatch's loss is not finite: every later update would be
     *     NaN too, and an epoch of a large set is a long time to wait for a useless result
     */
    private static boolean fitEpoch(
            MultiLayerNetwork net,
            int epoch,
            Iterable<DataSet> minibatches,
            BooleanSupplier stopBeforeFirst,
            BooleanSupplier stop) {
        int minibatch = 0;
        for (DataSet batch : minibatches) {
            if ((minibatch == 0 ? stopBeforeFirst : stop).getAsBoolean()) return false;
            net.fit(batch);
            minibatch++;
            double loss = net.score();
            if (!Double.isFinite(loss)) throw TrainingFailed.lossNotFinite(loss, epoch, minibatch);
        }
        return true;
    }
}
