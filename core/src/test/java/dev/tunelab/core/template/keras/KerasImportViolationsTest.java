package dev.tunelab.core.template.keras;

import static dev.tunelab.core.template.keras.KerasImportTest.ref;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.tunelab.core.data.DatasetKind;
import dev.tunelab.core.messages.Json;
import dev.tunelab.core.study.DatasetFacts;
import dev.tunelab.core.study.Task;
import dev.tunelab.core.study.Violation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Keras models TuneLab cannot build are reported at the exact path in the user's Keras JSON. */
class KerasImportViolationsTest {
    private static final String LAYERS = "$.template.keras.config.layers";

    private static List<Violation> violations(JsonNode template, DatasetFacts facts) {
        List<Violation> out = new ArrayList<>();
        KerasImport.toNative(template, facts, "$.template", out);
        return out;
    }

    private static void assertOnly(List<Violation> out, String path, String messagePart) {
        assertEquals(1, out.size(), out.toString());
        assertEquals(path, out.get(0).path());
        assertTrue(out.get(0).message().contains(messagePart), out.get(0).message());
    }

    private static ObjectNode config(ObjectNode model, int layer) {
        return (ObjectNode) model.get("config").get("layers").get(layer).get("config");
    }

    @Test
    void functionalModel() {
        ObjectNode model = KerasFixtures.CNN_IMAGES.model(3);
        model.put("class_name", "Functional");
        assertOnly(
                violations(KerasFixtures.template(model), KerasFixtures.images()),
                "$.template.keras.class_name",
                "Sequential models only, and this is a Functional model");
    }

    @Test
    void notAKerasModel() {
        ObjectNode notModel = Json.MAPPER.createObjectNode().put("layers", 3);
        assertOnly(violations(KerasFixtures.template(notModel), null), "$.template.keras", "is not a Keras model");
    }

    @Test
    void malformedJsonString() {
        String text = KerasFixtures.MLP_TABULAR.model(3).toString();
        List<Violation> out = violations(KerasFixtures.template(TextNode.valueOf(text.substring(0, 200))), null);
        assertOnly(out, "$.template.keras", "is not valid JSON (line 1");
    }

    @Test
    void unknownLayerClass() {
        ObjectNode model = KerasFixtures.LSTM_SERIES_GLOBAL.model(3);
        ((ObjectNode) model.get("config").get("layers").get(1)).put("class_name", "GRU");
        assertOnly(
                violations(KerasFixtures.template(model), KerasFixtures.LSTM_SERIES_GLOBAL.facts),
                LAYERS + "[1].class_name",
                "cannot build the Keras layer GRU");
    }

    @Test
    void channelsFirst() {
        ObjectNode model = KerasFixtures.CNN_IMAGES.model(2);
        config(model, 1).put("data_format", "channels_first");
        assertOnly(
                violations(KerasFixtures.template(model), KerasFixtures.images()),
                LAYERS + "[1].config.data_format",
                "channels_last");
    }

    @Test
    void dilatedConvolution() {
        ObjectNode model = KerasFixtures.CNN_GLOBAL_POOLING.model(3);
        config(model, 1)
                .set("dilation_rate", Json.MAPPER.createArrayNode().add(2).add(2));
        assertOnly(
                violations(KerasFixtures.template(model), KerasFixtures.images()),
                LAYERS + "[1].config.dilation_rate",
                "Conv2D with dilation_rate = [2,2]: TuneLab builds dilation_rate = 1 only");
    }

    @Test
    void dropoutInsideAnLstm() {
        ObjectNode model = KerasFixtures.LSTM_SERIES_GLOBAL.model(2);
        config(model, 1).put("dropout", 0.2);
        assertOnly(
                violations(KerasFixtures.template(model), KerasFixtures.LSTM_SERIES_GLOBAL.facts),
                LAYERS + "[1].config.dropout",
                "LSTM with dropout = 0.2");
    }

    @Test
    void theWrappedLayerOfBidirectionalIsCheckedToo() {
        ObjectNode model = KerasFixtures.LSTM_TEXT.model(2);
        ((ObjectNode) config(model, 2).get("layer").get("config")).put("stateful", true);
        assertOnly(
                violations(KerasFixtures.template(model), KerasFixtures.LSTM_TEXT.facts),
                LAYERS + "[2].config.layer.config.stateful",
                "stateful = true");
    }

    @Test
    void maskedEmbedding() {
        ObjectNode model = KerasFixtures.LSTM_TEXT.model(3);
        config(model, 1).put("mask_zero", true);
        assertOnly(
                violations(KerasFixtures.template(model), KerasFixtures.LSTM_TEXT.facts),
                LAYERS + "[1].config.mask_zero",
                "Embedding with mask_zero = true");
    }

    @Test
    void initializerWithOtherArguments() {
        ObjectNode model = KerasFixtures.MLP_TABULAR.model(3);
        ObjectNode init = Json.MAPPER.createObjectNode().put("class_name", "RandomNormal");
        init.putObject("config").put("mean", 0.0).put("stddev", 0.1).putNull("seed");
        config(model, 1).set("kernel_initializer", init);
        assertOnly(
                violations(KerasFixtures.template(model), KerasFixtures.MLP_TABULAR.facts),
                LAYERS + "[1].config.kernel_initializer",
                "RandomNormal with stddev = 0.1");
    }

    @Test
    void inputShapeDiffersFromTheDataset() {
        DatasetFacts cifar = new DatasetFacts(Task.CLASSIFICATION, 3072, 10, DatasetKind.IMAGES, List.of(32, 32, 3), 0);
        assertOnly(
                violations(KerasFixtures.template(KerasFixtures.CNN_IMAGES.model(3)), cifar),
                LAYERS + "[0].config.batch_shape",
                "input shape [28, 28, 1] does not match the dataset's [32, 32, 3] (images)");
        // Keras 2.2: the shape sits in the first layer's config.
        DatasetFacts wider = new DatasetFacts(Task.CLASSIFICATION, 5, 3);
        assertOnly(
                violations(KerasFixtures.template(KerasFixtures.MLP_TABULAR.model(2)), wider),
                LAYERS + "[0].config.batch_input_shape",
                "input shape [4] does not match the dataset's [5]");
    }

    @Test
    void lastLayerIsNotDense() {
        ObjectNode model = KerasFixtures.CNN_GLOBAL_POOLING.model(3);
        ((ArrayNode) model.get("config").get("layers")).remove(4);
        assertOnly(
                violations(KerasFixtures.template(model), KerasFixtures.images()),
                LAYERS + "[3].class_name",
                "the last layer must be a Dense layer");
    }

    @Test
    void outputUnitsDifferFromTheClasses() {
        DatasetFacts fourClasses = new DatasetFacts(Task.CLASSIFICATION, 4, 4);
        assertOnly(
                violations(KerasFixtures.template(KerasFixtures.MLP_TABULAR.model(2)), fourClasses),
                LAYERS + "[4].config.units",
                "the output layer has 3 units but the dataset has 4 classes");
    }

    @Test
    void regressionNeedsOneUnit() {
        ObjectNode model = KerasFixtures.RNN_SERIES.model(2);
        config(model, 6).put("units", 2);
        assertOnly(
                violations(KerasFixtures.template(model), KerasFixtures.RNN_SERIES.facts),
                LAYERS + "[6].config.units",
                "a regression dataset needs 1 output unit, got 2");
    }

    @Test
    void classificationOutputNeedsSoftmax() {
        ObjectNode model = KerasFixtures.CNN_IMAGES.model(3);
        config(model, 9).put("activation", "linear");
        assertOnly(
                violations(KerasFixtures.template(model), KerasFixtures.images()),
                LAYERS + "[9].config.activation",
                "needs softmax, got linear");
    }

    @Test
    void outputUnitsCannotBeAParameter() {
        ObjectNode model = KerasFixtures.MLP_TABULAR.model(3);
        config(model, 5).set("units", ref("classes"));
        assertOnly(
                violations(KerasFixtures.template(model), KerasFixtures.MLP_TABULAR.facts),
                LAYERS + "[5].config.units",
                "fixed by the dataset");
    }

    @Test
    void outputLayerWithARegularizer() {
        ObjectNode model = KerasFixtures.MLP_TABULAR.model(3);
        config(model, 5).set("kernel_regularizer", config(model, 1).get("kernel_regularizer"));
        assertOnly(
                violations(KerasFixtures.template(model), KerasFixtures.MLP_TABULAR.facts),
                LAYERS + "[5].config.kernel_regularizer",
                "output layer has no regularizer");
    }

    @Test
    void kerasAndNativeLayersTogether() {
        ObjectNode template = KerasFixtures.template(KerasFixtures.MLP_TABULAR.model(3));
        template.putArray("layers");
        assertOnly(violations(template, KerasFixtures.MLP_TABULAR.facts), "$.template.layers", "not both");
    }

    @Test
    void anUnknownConfigKeyWithAValue() {
        ObjectNode model = KerasFixtures.MLP_TABULAR.model(3);
        config(model, 3).put("lora_rank", 4);
        assertOnly(
                violations(KerasFixtures.template(model), KerasFixtures.MLP_TABULAR.facts),
                LAYERS + "[3].config.lora_rank",
                "TuneLab cannot build Dense with 'lora_rank' = 4");
    }

    @Test
    void batchNormalizationOverAnotherAxis() {
        ObjectNode model = KerasFixtures.CNN_IMAGES.model(2);
        config(model, 5).set("axis", Json.MAPPER.createArrayNode().add(1));
        assertOnly(
                violations(KerasFixtures.template(model), KerasFixtures.images()),
                LAYERS + "[5].config.axis",
                "last (channels) axis only");
    }
}
