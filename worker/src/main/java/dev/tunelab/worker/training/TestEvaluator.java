package dev.tunelab.worker.training;

import dev.tunelab.core.data.Samples;
import dev.tunelab.core.messages.ArtifactEntries;
import dev.tunelab.core.messages.MetricNames;
import java.util.Map;
import java.util.stream.IntStream;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.dataset.api.preprocessor.DataNormalization;

/**
 * Evaluates a saved model once on the study's test split: the rows {@link TrialTrainer} held out
 * (recomputed by {@link Split} from the same fraction, seed and validation split, so exactly those
 * rows), or a separate test dataset taken whole. The model and its normalizer come from the zip
 * alone, so this is what any DL4J user would measure with the same artifact.
 */
public final class TestEvaluator {

    private TestEvaluator() {}

    /**
     * @param data the dataset the model was trained on (ignored when {@code testSet} is given)
     * @param testFraction, seed, validationSplit as in the trial command that trained the model
     * @param testSet a separate test dataset used whole, or null to take the held-out fraction
     * @return the model's metrics (see {@link Metrics}) with the {@value MetricNames#TEST_PREFIX}
     *     prefix
     * @throws IllegalArgumentException when there are no test rows or the zip has no model card
     */
    public static Map<String, Double> evaluate(
            byte[] modelZip, Samples data, double testFraction, long seed, double validationSplit, Samples testSet) {
        byte[] cardJson = ModelZip.entry(modelZip, ArtifactEntries.MODEL_CARD);
        if (cardJson == null) throw new IllegalArgumentException("the model zip has no " + ArtifactEntries.MODEL_CARD);
        ModelCard card = ModelCard.fromJson(cardJson);
        Samples source = testSet != null ? testSet : data;
        int[] rows = testSet != null
                ? IntStream.range(0, testSet.size()).toArray()
                : Split.of(data.size(), testFraction, validationSplit, seed, data.ordered())
                        .test();
        if (rows.length == 0)
            throw new IllegalArgumentException("there are no test rows (test fraction " + testFraction + ")");
        if (card.inputShape() != null && !card.inputShape().equals(source.shape())) {
            throw new IllegalArgumentException(
                    "the model takes samples of shape " + card.inputShape() + ", the test data has " + source.shape());
        }
        Head head = Head.of(card.task(), card.model().output());
        MultiLayerNetwork net = ModelZip.network(modelZip);
        DataNormalization normalizer = ModelZip.normalizer(modelZip);
        return Metrics.of(
                net,
                DataSets.chunks(source, rows, head, TrialTrainer.EVALUATION_CHUNK, normalizer),
                head,
                MetricNames.TEST_PREFIX);
    }
}
