package dev.tunelab.core.study;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunelab.core.messages.Json;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Templates that must be refused at submission, each with the JSON path and the words the user
 * sees: one case per way a template can be wrong.
 */
class BadTemplateTest {
    final StudyParser parser = TestDatasets.parser();

    static Arguments bad(String name, String dataset, String space, String template, String path, String fragment) {
        return Arguments.of(name, dataset, space, template, path, fragment);
    }

    static Stream<Arguments> cases() {
        String dense = "{\"type\": \"Dense\", \"units\": 8}";
        return Stream.of(
                bad(
                        "unknown layer",
                        "iris",
                        "{}",
                        "{\"layers\": [{\"type\": \"Conv3D\"}]}",
                        "$.template.layers[0].type",
                        "unknown layer 'Conv3D'"),
                bad(
                        "unknown argument",
                        "iris",
                        "{}",
                        "{\"layers\": [{\"type\": \"Dense\", \"units\": 4, \"unitz\": 3}]}",
                        "$.template.layers[0].unitz",
                        "unknown field"),
                bad(
                        "missing required argument",
                        "images",
                        "{}",
                        "{\"layers\": [{\"type\": \"Conv2D\", \"filters\": 8}, {\"type\": \"Flatten\"}]}",
                        "$.template.layers[0].kernel_size",
                        "is required for Conv2D"),
                bad(
                        "text where an integer belongs",
                        "iris",
                        "{}",
                        "{\"layers\": [{\"type\": \"Dense\", \"units\": \"many\"}]}",
                        "$.template.layers[0].units",
                        "must be an integer of at least 1"),
                bad(
                        "float parameter for an integer",
                        "iris",
                        "{\"u\": {\"type\": \"float\", \"min\": 1, \"max\": 8}}",
                        "{\"layers\": [{\"type\": \"Dense\", \"units\": {\"param\": \"u\"}}]}",
                        "$.template.layers[0].units",
                        "needs an integer"),
                bad(
                        "rate range reaching 1",
                        "iris",
                        "{\"d\": {\"type\": \"float\", \"min\": 0, \"max\": 1}}",
                        "{\"layers\": [" + dense + ", {\"type\": \"Dropout\", \"rate\": {\"param\": \"d\"}}]}",
                        "$.template.layers[1].rate",
                        "needs values in [0, 1)"),
                bad(
                        "unknown activation",
                        "iris",
                        "{}",
                        "{\"layers\": [{\"type\": \"Dense\", \"units\": 4, \"activation\": \"relux\"}]}",
                        "$.template.layers[0].activation",
                        "must be one of"),
                bad(
                        "unknown initializer",
                        "iris",
                        "{}",
                        "{\"layers\": [{\"type\": \"Dense\", \"units\": 4, \"kernel_initializer\": \"he_normall\"}]}",
                        "$.template.layers[0].kernel_initializer",
                        "must be one of [glorot_normal"),
                bad(
                        "unknown regularizer",
                        "iris",
                        "{}",
                        "{\"layers\": [{\"type\": \"Dense\", \"units\": 4, \"kernel_regularizer\": \"l3\"}]}",
                        "$.template.layers[0].kernel_regularizer",
                        "must be one of [l1, l1_l2, l2]"),
                bad(
                        "regularizer with an unknown factor",
                        "iris",
                        "{}",
                        "{\"layers\": [{\"type\": \"Dense\", \"units\": 4, \"kernel_regularizer\": {\"l3\": 0.1}}]}",
                        "$.template.layers[0].kernel_regularizer.l3",
                        "unknown field"),
                bad(
                        "negative regularization",
                        "iris",
                        "{}",
                        "{\"layers\": [{\"type\": \"Dense\", \"units\": 4, \"kernel_regularizer\": {\"l2\": -1}}]}",
                        "$.template.layers[0].kernel_regularizer.l2",
                        "at least 0"),
                bad(
                        "kernel of the wrong rank",
                        "images",
                        "{}",
                        "{\"layers\": [{\"type\": \"Conv2D\", \"filters\": 8, \"kernel_size\": [3, 3, 3]}, {\"type\": \"Flatten\"}]}",
                        "$.template.layers[0].kernel_size",
                        "needs 2 numbers"),
                bad(
                        "zero in a kernel",
                        "images",
                        "{}",
                        "{\"layers\": [{\"type\": \"Conv2D\", \"filters\": 8, \"kernel_size\": [3, 0]}, {\"type\": \"Flatten\"}]}",
                        "$.template.layers[0].kernel_size[1]",
                        "at least 1"),
                bad(
                        "unknown padding",
                        "images",
                        "{}",
                        "{\"layers\": [{\"type\": \"Conv2D\", \"filters\": 8, \"kernel_size\": 3, \"padding\": \"full\"}, {\"type\": \"Flatten\"}]}",
                        "$.template.layers[0].padding",
                        "must be one of [same, valid]"),
                bad(
                        "numeric parameter for a boolean",
                        "iris",
                        "{\"b\": {\"type\": \"int\", \"min\": 0, \"max\": 1}}",
                        "{\"layers\": [{\"type\": \"Dense\", \"units\": 4, \"use_bias\": {\"param\": \"b\"}}]}",
                        "$.template.layers[0].use_bias",
                        "needs true or false"),
                bad(
                        "Bidirectional around a Dense",
                        "series",
                        "{}",
                        "{\"layers\": [{\"type\": \"Bidirectional\", \"layer\": " + dense + "}]}",
                        "$.template.layers[0].layer.type",
                        "Bidirectional wraps an LSTM or SimpleRNN"),
                bad(
                        "Bidirectional without a layer",
                        "series",
                        "{}",
                        "{\"layers\": [{\"type\": \"Bidirectional\"}]}",
                        "$.template.layers[0].layer",
                        "is required for Bidirectional"),
                bad(
                        "unknown merge mode",
                        "series",
                        "{}",
                        "{\"layers\": [{\"type\": \"Bidirectional\", \"merge_mode\": \"max\", \"layer\": {\"type\": \"LSTM\", \"units\": 4}}]}",
                        "$.template.layers[0].merge_mode",
                        "must be one of [ave, concat, mul, sum]"),
                bad(
                        "Repeat without times",
                        "iris",
                        "{}",
                        "{\"layers\": [{\"type\": \"Repeat\", \"layers\": [" + dense + "]}]}",
                        "$.template.layers[0].times",
                        "is required"),
                bad(
                        "Repeat with too many repetitions",
                        "iris",
                        "{\"n\": {\"type\": \"int\", \"min\": 1, \"max\": 40}}",
                        "{\"layers\": [{\"type\": \"Repeat\", \"times\": {\"param\": \"n\"}, \"layers\": ["
                                + dense
                                + "]}]}",
                        "$.template.layers[0].times",
                        "needs 0 to 32 repetitions"),
                bad(
                        "Repeat inside a Repeat",
                        "iris",
                        "{}",
                        "{\"layers\": [{\"type\": \"Repeat\", \"times\": 2, \"layers\": [{\"type\": \"Repeat\", \"times\": 2, \"layers\": ["
                                + dense
                                + "]}]}]}",
                        "$.template.layers[0].layers[0].type",
                        "cannot hold another Repeat"),
                bad(
                        "Repeat sharing an unknown parameter",
                        "iris",
                        "{}",
                        "{\"layers\": [{\"type\": \"Repeat\", \"times\": 2, \"shared\": [\"act\"], \"layers\": ["
                                + dense
                                + "]}]}",
                        "$.template.layers[0].shared[0]",
                        "must name a parameter"),
                bad(
                        "per-repetition parameter used outside its block",
                        "iris",
                        "{\"u\": {\"type\": \"int\", \"min\": 4, \"max\": 8}}",
                        "{\"layers\": [{\"type\": \"Repeat\", \"times\": 2, \"layers\": [{\"type\": \"Dense\", \"units\": {\"param\": \"u\"}}]},"
                                + " {\"type\": \"Dense\", \"units\": {\"param\": \"u\"}}]}",
                        "$.template.layers[1]",
                        "cannot also be used outside it"),
                bad(
                        "per-repetition parameter with its own condition",
                        "iris",
                        "{\"a\": {\"type\": \"choice\", \"values\": [1, 2]}, \"u\": {\"type\": \"int\", \"min\": 4, \"max\": 8, \"when\": {\"param\": \"a\", \"in\": [2]}}}",
                        "{\"layers\": [{\"type\": \"Repeat\", \"times\": 2, \"layers\": [{\"type\": \"Dense\", \"units\": {\"param\": \"u\"}}]}], \"batch_size\": {\"param\": \"a\"}}",
                        "$.space.u.when",
                        "remove its 'when'"),
                bad(
                        "repetition names that clash",
                        "iris",
                        "{\"u\": {\"type\": \"int\", \"min\": 4, \"max\": 8}, \"u_0\": {\"type\": \"int\", \"min\": 4, \"max\": 8}}",
                        "{\"layers\": [{\"type\": \"Repeat\", \"times\": 2, \"layers\": [{\"type\": \"Dense\", \"units\": {\"param\": \"u\"}}]}], \"batch_size\": {\"param\": \"u_0\"}}",
                        "$.template.layers[0]",
                        "already uses"),
                bad(
                        "Choice on an integer parameter",
                        "iris",
                        "{\"h\": {\"type\": \"int\", \"min\": 1, \"max\": 2}}",
                        "{\"layers\": [{\"type\": \"Choice\", \"choice\": {\"param\": \"h\"}, \"options\": {\"a\": ["
                                + dense
                                + "]}}]}",
                        "$.template.layers[0].choice",
                        "must be a choice whose values are the option names"),
                bad(
                        "Choice values that are not the options",
                        "iris",
                        "{\"h\": {\"type\": \"choice\", \"values\": [\"a\", \"b\"]}}",
                        "{\"layers\": [{\"type\": \"Choice\", \"choice\": {\"param\": \"h\"}, \"options\": {\"a\": ["
                                + dense
                                + "], \"c\": []}}]}",
                        "$.template.layers[0].choice",
                        "exactly the option names [a, c]"),
                bad(
                        "Choice without options",
                        "iris",
                        "{\"h\": {\"type\": \"choice\", \"values\": [\"a\"]}}",
                        "{\"layers\": [{\"type\": \"Choice\", \"choice\": {\"param\": \"h\"}, \"options\": []}]}",
                        "$.template.layers[0].options",
                        "must be an object of named alternatives"),
                bad(
                        "Choice option that is not a list",
                        "iris",
                        "{\"h\": {\"type\": \"choice\", \"values\": [\"a\"]}}",
                        "{\"layers\": [{\"type\": \"Choice\", \"choice\": {\"param\": \"h\"}, \"options\": {\"a\": "
                                + dense
                                + "}}]}",
                        "$.template.layers[0].options.a",
                        "must be an array of layers"),
                bad(
                        "pooling below 1x1",
                        "images",
                        "{}",
                        "{\"layers\": [{\"type\": \"MaxPooling2D\", \"pool_size\": 4}, {\"type\": \"MaxPooling2D\", \"pool_size\": 4},"
                                + " {\"type\": \"MaxPooling2D\", \"pool_size\": 4}, {\"type\": \"Flatten\"}]}",
                        "$.template.layers[2]",
                        "no point of the search space gives a valid network: MaxPooling2D with pool [4, 4]"),
                bad(
                        "pooling below 1x1 in a repetition",
                        "images",
                        "{\"n\": {\"type\": \"int\", \"min\": 5, \"max\": 6}}",
                        "{\"layers\": [{\"type\": \"Repeat\", \"times\": {\"param\": \"n\"}, \"layers\": [{\"type\": \"Conv2D\", \"filters\": 4, \"kernel_size\": 3, \"padding\": \"same\"},"
                                + " {\"type\": \"MaxPooling2D\"}]}, {\"type\": \"Flatten\"}]}",
                        "$.template.layers[0].layers[1]",
                        "shrinks [1, 1, 4] below 1×1 (repetition 5)"),
                bad(
                        "Dense on an image",
                        "images",
                        "{}",
                        "{\"layers\": [" + dense + "]}",
                        "$.template.layers[0]",
                        "Dense needs a flat input, but gets [28, 28, 1]; put Flatten"),
                bad(
                        "LSTM on a vector",
                        "iris",
                        "{}",
                        "{\"layers\": [{\"type\": \"LSTM\", \"units\": 4}]}",
                        "$.template.layers[0]",
                        "LSTM needs a sequence [steps, features], but gets [4]"),
                bad(
                        "Embedding on images",
                        "images",
                        "{}",
                        "{\"layers\": [{\"type\": \"Embedding\", \"output_dim\": 8}, {\"type\": \"Flatten\"}]}",
                        "$.template.layers[0]",
                        "Embedding reads token ids, but this dataset is images"),
                bad(
                        "Embedding smaller than the vocabulary",
                        "tokens",
                        "{}",
                        "{\"layers\": [{\"type\": \"Embedding\", \"input_dim\": 5000, \"output_dim\": 8}, {\"type\": \"GlobalAveragePooling1D\"}]}",
                        "$.template.layers[0]",
                        "input_dim 5000 is smaller than the dataset's vocabulary of 10000"),
                bad(
                        "token ids read by a Dense",
                        "tokens",
                        "{}",
                        "{\"layers\": ["
                                + dense
                                + ", {\"type\": \"Embedding\", \"output_dim\": 8}, {\"type\": \"GlobalAveragePooling1D\"}]}",
                        "$.template.layers[0]",
                        "Dense cannot read token ids; start with an Embedding layer"),
                bad(
                        "a second Embedding",
                        "tokens",
                        "{}",
                        "{\"layers\": [{\"type\": \"Embedding\", \"output_dim\": 8}, {\"type\": \"Embedding\", \"output_dim\": 8}, {\"type\": \"GlobalAveragePooling1D\"}]}",
                        "$.template.layers[1]",
                        "must be the first layer"),
                bad(
                        "image left unflattened",
                        "images",
                        "{}",
                        "{\"layers\": [{\"type\": \"Conv2D\", \"filters\": 8, \"kernel_size\": 3}]}",
                        "$.template.layers[0]",
                        "the output layer needs a flat input, but this layer gives [26, 26, 8]"),
                bad(
                        "Flatten of a sequence",
                        "series",
                        "{}",
                        "{\"layers\": [{\"type\": \"Flatten\"}]}",
                        "$.template.layers[0]",
                        "Flatten cannot flatten a sequence [50, 3]"),
                bad(
                        "Conv1D on images",
                        "images",
                        "{}",
                        "{\"layers\": [{\"type\": \"Conv1D\", \"filters\": 4, \"kernel_size\": 3}, {\"type\": \"Flatten\"}]}",
                        "$.template.layers[0]",
                        "Conv1D needs a sequence [steps, features], but gets [28, 28, 1]"),
                bad(
                        "momentum with adam",
                        "iris",
                        "{}",
                        "{\"layers\": [" + dense + "], \"momentum\": 0.9}",
                        "$.template.momentum",
                        "applies only to the sgd optimizer, but the optimizer is 'adam'"),
                bad(
                        "weight decay with a choice lacking adamw",
                        "iris",
                        "{\"o\": {\"type\": \"choice\", \"values\": [\"sgd\", \"adam\"]}}",
                        "{\"layers\": [" + dense + "], \"optimizer\": {\"param\": \"o\"}, \"weight_decay\": 0.01}",
                        "$.template.weight_decay",
                        "applies only to the adamw optimizer, but the optimizer is one of [sgd, adam]"),
                bad(
                        "nesterov as a number",
                        "iris",
                        "{}",
                        "{\"layers\": [" + dense + "], \"optimizer\": \"sgd\", \"nesterov\": 1}",
                        "$.template.nesterov",
                        "must be true or false"),
                bad(
                        "unknown optimizer",
                        "iris",
                        "{}",
                        "{\"layers\": [" + dense + "], \"optimizer\": \"adamax\"}",
                        "$.template.optimizer",
                        "must be one of [adagrad, adam, adamw, nadam, rmsprop, sgd]"),
                bad(
                        "schedule without a type",
                        "iris",
                        "{}",
                        "{\"layers\": ["
                                + dense
                                + "], \"learning_rate_schedule\": {\"decay_steps\": 5, \"decay_rate\": 0.5}}",
                        "$.template.learning_rate_schedule.type",
                        "is required"),
                bad(
                        "schedule that grows the rate",
                        "iris",
                        "{}",
                        "{\"layers\": ["
                                + dense
                                + "], \"learning_rate_schedule\": {\"type\": \"exponential\", \"decay_steps\": 5, \"decay_rate\": 1.5}}",
                        "$.template.learning_rate_schedule.decay_rate",
                        "must be a number in (0, 1]"),
                bad(
                        "alpha on a step schedule",
                        "iris",
                        "{}",
                        "{\"layers\": ["
                                + dense
                                + "], \"learning_rate_schedule\": {\"type\": \"step\", \"decay_steps\": 5, \"decay_rate\": 0.5, \"alpha\": 0.1}}",
                        "$.template.learning_rate_schedule.alpha",
                        "applies only to a cosine schedule"),
                bad(
                        "step schedule without a decay rate",
                        "iris",
                        "{}",
                        "{\"layers\": ["
                                + dense
                                + "], \"learning_rate_schedule\": {\"type\": \"step\", \"decay_steps\": 5}}",
                        "$.template.learning_rate_schedule.decay_rate",
                        "is required for a step or exponential schedule"),
                bad(
                        "regression loss on classes",
                        "iris",
                        "{}",
                        "{\"layers\": [" + dense + "], \"output\": {\"loss\": \"mse\"}}",
                        "$.template.output.loss",
                        "'mse' does not fit a classification dataset"),
                bad(
                        "sigmoid output on three classes",
                        "iris",
                        "{}",
                        "{\"layers\": [" + dense + "], \"output\": {\"activation\": \"sigmoid\"}}",
                        "$.template.output.activation",
                        "this dataset has 3"),
                bad(
                        "cross-entropy on a regression",
                        "series",
                        "{}",
                        "{\"layers\": [{\"type\": \"LSTM\", \"units\": 4}], \"output\": {\"loss\": \"binary_crossentropy\"}}",
                        "$.template.output.loss",
                        "does not fit a regression dataset"),
                bad(
                        "softmax with binary cross-entropy",
                        "tokens",
                        "{}",
                        "{\"layers\": ["
                                + dense
                                + "], \"output\": {\"activation\": \"softmax\", \"loss\": \"binary_crossentropy\"}}",
                        "$.template.output.loss",
                        "does not fit a softmax output"),
                bad(
                        "batch normalization momentum of 1.5",
                        "iris",
                        "{}",
                        "{\"layers\": [{\"type\": \"BatchNormalization\", \"momentum\": 1.5}]}",
                        "$.template.layers[0].momentum",
                        "must be a number in [0, 1)"),
                bad(
                        "null optimizer",
                        "iris",
                        "{}",
                        "{\"layers\": [" + dense + "], \"optimizer\": null}",
                        "$.template.optimizer",
                        "must be one of [adagrad, adam"),
                bad(
                        "violation at the layer's $path",
                        "iris",
                        "{}",
                        "{\"layers\": [{\"type\": \"Dense\", \"units\": 0, \"$path\": \"$.template.keras.config.layers[1].config\"}]}",
                        "$.template.keras.config.layers[1].config.units",
                        "must be an integer of at least 1"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void isRefusedWithPathAndReason(
            String name, String dataset, String space, String template, String path, String fragment) {
        String study = "{\"dataset\": \"" + dataset + "\", \"space\": " + space + ", \"template\": " + template + "}";
        InvalidStudyException e =
                assertThrows(InvalidStudyException.class, () -> parser.parse(Json.MAPPER.readTree(study)));
        assertTrue(
                e.violations().stream()
                        .anyMatch(v -> v.path().equals(path) && v.message().contains(fragment)),
                () -> "expected " + path + " ~ '" + fragment + "', got " + e.violations());
    }
}
