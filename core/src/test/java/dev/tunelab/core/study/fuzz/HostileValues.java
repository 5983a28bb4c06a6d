package dev.tunelab.core.study.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;

/**
 * Values a hostile client puts into a study: every JSON type, numbers past what a double or a long
 * holds, text that cannot be stored, and the words the parser looks for, so mutations also reach
 * the branches behind a known name.
 */
final class HostileValues {
    /** Words the parser and the template look for; a mutation that uses one gets past the name check. */
    static final List<String> WORDS = List.of(
            "iris",
            "images",
            "tokens",
            "series",
            "sequence",
            "no-such-data",
            "name",
            "dataset",
            "objective",
            "algorithm",
            "budget",
            "validationSplit",
            "space",
            "template",
            "pruner",
            "test",
            "device",
            "cpu",
            "gpu",
            "metric",
            "direction",
            "maximize",
            "minimize",
            "val_accuracy",
            "val_rmse",
            "val_auc",
            "seed",
            "grid",
            "random",
            "sobol",
            "tpe",
            "bayesian",
            "none",
            "median",
            "asha",
            "hyperband",
            "maxTrials",
            "parallelTrials",
            "epochs",
            "maxAttempts",
            "warmupEpochs",
            "minTrials",
            "minEpochs",
            "reductionFactor",
            "fraction",
            "type",
            "int",
            "float",
            "choice",
            "min",
            "max",
            "step",
            "log",
            "gridPoints",
            "when",
            "param",
            "in",
            "values",
            "layers",
            "units",
            "activation",
            "relu",
            "Dense",
            "Dropout",
            "rate",
            "Conv2D",
            "Flatten",
            "LSTM",
            "Embedding",
            "Repeat",
            "times",
            "Choice",
            "options",
            "shared",
            "optimizer",
            "adam",
            "learning_rate",
            "learning_rate_schedule",
            "batch_size",
            "output",
            "loss",
            "keras",
            "class_name",
            "config",
            "Sequential",
            "Functional",
            "kernel_size",
            "filters",
            "input_dim",
            "output_dim");

    private static final String LONG_TEXT = "a".repeat(100_000);

    private HostileValues() {}

    /** Any value: numbers, text, booleans, null and small containers of them. */
    static Arbitrary<JsonNode> any() {
        return Arbitraries.frequencyOf(
                Tuple.of(4, numbers()),
                Tuple.of(4, texts().map(TextNode::valueOf)),
                Tuple.of(1, Arbitraries.of(BooleanNode.TRUE, BooleanNode.FALSE, NullNode.instance)),
                Tuple.of(2, containers()));
    }

    /** Small and boundary integers, non-finite and huge reals, negative zero. */
    static Arbitrary<JsonNode> numbers() {
        Arbitrary<JsonNode> small = Arbitraries.integers().between(-3, 200).map(IntNode::valueOf);
        Arbitrary<JsonNode> reals = Arbitraries.doubles().between(-2, 2).map(DoubleNode::valueOf);
        Arbitrary<JsonNode> edges = Arbitraries.of(
                IntNode.valueOf(0),
                IntNode.valueOf(-1),
                IntNode.valueOf(Integer.MAX_VALUE),
                IntNode.valueOf(Integer.MIN_VALUE),
                LongNode.valueOf(Integer.MAX_VALUE + 1L),
                LongNode.valueOf(Long.MAX_VALUE),
                LongNode.valueOf(Long.MIN_VALUE),
                BigIntegerNode.valueOf(BigInteger.valueOf(Long.MAX_VALUE).add(BigInteger.ONE)),
                BigIntegerNode.valueOf(BigInteger.TEN.pow(40).negate()),
                DoubleNode.valueOf(-0.0),
                DoubleNode.valueOf(Double.NaN),
                DoubleNode.valueOf(Double.POSITIVE_INFINITY),
                DoubleNode.valueOf(Double.NEGATIVE_INFINITY),
                DoubleNode.valueOf(Double.MAX_VALUE),
                DoubleNode.valueOf(Double.MIN_VALUE),
                DoubleNode.valueOf(1e-320),
                DoubleNode.valueOf(0.5),
                DoubleNode.valueOf(1.0),
                DecimalNode.valueOf(new BigDecimal("1e400")),
                DecimalNode.valueOf(new BigDecimal("-1e400")),
                DecimalNode.valueOf(new BigDecimal("1e-400")),
                DecimalNode.valueOf(new BigDecimal("3.0000000000000000000000001")));
        return Arbitraries.oneOf(small, reals, edges);
    }

    /** Text and field names: the parser's words, numbers spelled out, unstorable and huge text. */
    static Arbitrary<String> texts() {
        Arbitrary<String> spelled = Arbitraries.of(
                "NaN",
                "Infinity",
                "-Infinity",
                "-0",
                "1e400",
                "9223372036854775808",
                "",
                " ",
                "null",
                "true",
                "$",
                "..",
                "../../etc/passwd",
                "%00",
                "${jndi:x}",
                "é",
                "\uD83D\uDE00",
                "\u202Erelu",
                "\uFEFF",
                LONG_TEXT);
        Arbitrary<String> unstorable = Arbitraries.of(
                "\u0000",
                "iris\u0000",
                "re\u0001lu",
                "\u0007",
                "\u001B[31m",
                "\u007F",
                "\u0085",
                "\uD800",
                "a\uDC00",
                "\uDC00\uD800",
                "x\uDBFF");
        Arbitrary<String> random = Arbitraries.strings().all().ofMaxLength(12);
        return Arbitraries.frequencyOf(
                Tuple.of(5, Arbitraries.of(WORDS)), Tuple.of(2, spelled), Tuple.of(2, unstorable), Tuple.of(1, random));
    }

    /** Empty containers and containers of a few scalars. */
    static Arbitrary<JsonNode> containers() {
        Arbitrary<JsonNode> scalars = Arbitraries.oneOf(numbers(), texts().map(TextNode::valueOf));
        Arbitrary<JsonNode> arrays = scalars.list().ofMaxSize(4).map(items -> {
            ArrayNode a = JsonNodeFactory.instance.arrayNode();
            items.forEach(a::add);
            return a;
        });
        Arbitrary<JsonNode> objects = Arbitraries.entries(texts(), scalars)
                .list()
                .ofMaxSize(3)
                .map(entries -> {
                    ObjectNode o = JsonNodeFactory.instance.objectNode();
                    entries.forEach(e -> o.set(e.getKey(), e.getValue()));
                    return o;
                });
        return Arbitraries.oneOf(arrays, objects);
    }
}
