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
import java.util.Random;

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

    private static final List<JsonNode> EDGES = List.of(
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

    private static final List<String> SPELLED = List.of(
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

    private static final List<String> UNSTORABLE = List.of(
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

    /** Any value: numbers, text, booleans, null and small containers of them (4:4:1:2). */
    static JsonNode any(Random r) {
        int k = r.nextInt(11);
        if (k < 4) return number(r);
        if (k < 8) return TextNode.valueOf(text(r));
        if (k < 9) return pick(r, List.of(BooleanNode.TRUE, BooleanNode.FALSE, NullNode.instance));
        return container(r);
    }

    /** Small and boundary integers, non-finite and huge reals, negative zero. */
    static JsonNode number(Random r) {
        return switch (r.nextInt(3)) {
            case 0 -> IntNode.valueOf(r.nextInt(204) - 3);
            case 1 -> DoubleNode.valueOf(r.nextDouble() * 4 - 2);
            default -> pick(r, EDGES);
        };
    }

    /** Text and field names: the parser's words, numbers spelled out, unstorable and random text. */
    static String text(Random r) {
        int k = r.nextInt(10);
        if (k < 5) return pick(r, WORDS);
        if (k < 7) return pick(r, SPELLED);
        if (k < 9) return pick(r, UNSTORABLE);
        StringBuilder b = new StringBuilder();
        int n = r.nextInt(13);
        // Any UTF-16 unit, surrogates and controls included.
        for (int i = 0; i < n; i++) b.append((char) r.nextInt(Character.MAX_VALUE + 1));
        return b.toString();
    }

    /** Empty containers and containers of a few scalars. */
    static JsonNode container(Random r) {
        if (r.nextBoolean()) {
            ArrayNode a = JsonNodeFactory.instance.arrayNode();
            for (int i = r.nextInt(5); i > 0; i--) a.add(scalar(r));
            return a;
        }
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        for (int i = r.nextInt(4); i > 0; i--) o.set(text(r), scalar(r));
        return o;
    }

    private static JsonNode scalar(Random r) {
        return r.nextBoolean() ? number(r) : TextNode.valueOf(text(r));
    }

    static <T> T pick(Random r, List<T> from) {
        return from.get(r.nextInt(from.size()));
    }
}
