package dev.tunelab.app.hostile;

import static dev.tunelab.app.hostile.HostileCase.accepted;
import static dev.tunelab.app.hostile.HostileCase.refused;

import dev.tunelab.app.support.Api;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Hostile bodies for {@code POST /api/v1/studies}: broken JSON, wrong types, odd numbers, deep nesting. */
final class StudyBodyCases {
    static final String STUDIES = "/api/v1/studies";

    /** Each field of the valid study with the JSON type it takes. */
    private static final List<String> TYPED_FIELDS = List.of(
            "$.dataset string",
            "$.name string",
            "$.algorithm object",
            "$.algorithm.name string",
            "$.algorithm.seed integer",
            "$.budget object",
            "$.budget.maxTrials integer",
            "$.budget.epochs integer",
            "$.space object",
            "$.space.units object",
            "$.space.units.type string",
            "$.space.units.min integer",
            "$.template object",
            "$.template.layers array",
            "$.template.layers[0] object",
            "$.template.layers[0].units object",
            "$.template.layers[0].activation string",
            "$.objective object",
            "$.validationSplit number",
            "$.device string",
            "$.pruner object",
            "$.test object");

    private static final List<String> VALUES = List.of("\"text\"", "7", "2.5", "true", "null", "[]", "{}", "[1, 2]");

    /**
     * Replacements that are valid: null for a field that has a default means "the default", and a
     * template's units may be a literal number instead of a parameter.
     */
    private static final Set<String> VALID_TYPES = Set.of(
            "$.name=null",
            "$.algorithm.name=null",
            "$.pruner=null",
            "$.template.layers[0].units=7",
            // Keras's activation=None: the layer's default, linear.
            "$.template.layers[0].activation=null");

    private static final List<String> NUMBER_FIELDS = List.of(
            "$.algorithm.seed",
            "$.budget.maxTrials",
            "$.budget.epochs",
            "$.space.units.min",
            "$.validationSplit",
            "$.template.layers[0].units",
            "$.template.learning_rate",
            "$.template.batch_size");

    private static final List<String> NUMBERS = List.of(
            "1e400",
            "-1e400",
            "1e-400",
            "-0",
            "9223372036854775808",
            "-9223372036854775809",
            "2147483648",
            "1" + "0".repeat(1_200),
            "1e99999999999",
            "\"NaN\"",
            "\"Infinity\"",
            "\"-0\"");

    /**
     * Numbers that are in fact valid where they are put: a seed is any long, and a learning rate has
     * no upper bound (Keras sets none), however unwise.
     */
    private static final Set<String> VALID_NUMBERS = Set.of(
            "$.algorithm.seed=-0",
            "$.algorithm.seed=2147483648",
            "$.template.learning_rate=9223372036854775808",
            "$.template.learning_rate=2147483648");

    private StudyBodyCases() {}

    static List<HostileCase> all() {
        List<HostileCase> out = new ArrayList<>();
        malformed(out);
        wrongTypes(out);
        numbers(out);
        nesting(out);
        return out;
    }

    private static HostileCase post(String category, String name, boolean valid, String json) {
        return valid
                ? accepted(category, name, () -> Send.json("POST", STUDIES, json))
                : refused(category, name, () -> Send.json("POST", STUDIES, json));
    }

    private static void malformed(List<HostileCase> out) {
        String v = Api.VALID_STUDY.strip();
        List<String> docs = List.of(
                "",
                " ",
                "{",
                "}",
                "[",
                "{\"dataset\": ",
                v.substring(0, v.length() / 2),
                v.substring(0, v.length() - 1),
                v + "}",
                v + " {}",
                v + " garbage",
                "{\"dataset\": \"iris\",}",
                "{'dataset': 'iris'}",
                "{dataset: \"iris\"}",
                "/* comment */ " + v,
                v + " // comment",
                "{\"dataset\": NaN}",
                "{\"dataset\": Infinity}",
                "{\"dataset\": -Infinity}",
                "{\"validationSplit\": 01}",
                "{\"validationSplit\": 0x10}",
                "{\"validationSplit\": +1}",
                "{\"validationSplit\": .5}",
                "{\"validationSplit\": 1.}",
                "{\"name\": \"\\x41\"}",
                "{\"name\": \"\\u12\"}",
                "{\"name\": \"unterminated}",
                "{\"name\": tru}",
                "{\"name\" \"x\"}",
                "{\"name\": \"a\u0001b\"}",
                "{\"name\": \"tab\tinside\"}",
                "null",
                "[]",
                "42",
                "\"study\"",
                "true",
                "[" + v + "]",
                "\uFEFF" + v,
                v.replaceFirst("\\{", "{\"dataset\": \"no-such-data\", "),
                StudyJson.with("$.budget.epochs", "1, \"epochs\": 2"));
        for (int i = 0; i < docs.size(); i++) {
            String d = docs.get(i);
            String name = d.length() > 40 ? d.substring(0, 40) + "... (" + d.length() + " chars)" : d;
            out.add(post("malformed JSON", "#" + i + " " + name, false, d));
        }
    }

    private static void wrongTypes(List<HostileCase> out) {
        for (String f : TYPED_FIELDS) {
            String path = f.split(" ")[0];
            String type = f.split(" ")[1];
            for (String value : VALUES) {
                if (sameType(type, value)) continue;
                String key = path + "=" + value;
                out.add(post("wrong types", key, VALID_TYPES.contains(key), StudyJson.with(path, value)));
            }
        }
    }

    private static boolean sameType(String type, String value) {
        return switch (type) {
            case "string" -> value.startsWith("\"");
            case "integer" -> value.equals("7");
            case "number" -> value.equals("7") || value.equals("2.5");
            case "array" -> value.startsWith("[");
            default -> value.startsWith("{");
        };
    }

    private static void numbers(List<HostileCase> out) {
        for (String path : NUMBER_FIELDS) {
            for (String n : NUMBERS) {
                String key = path + "=" + (n.length() > 30 ? n.substring(0, 12) + "...(" + n.length() + " digits)" : n);
                out.add(post("numbers", key, VALID_NUMBERS.contains(path + "=" + n), StudyJson.with(path, n)));
            }
        }
    }

    private static void nesting(List<HostileCase> out) {
        out.add(post("nesting", "100,000 nested arrays", false, "[".repeat(100_000) + "]".repeat(100_000)));
        out.add(post("nesting", "100,000 unclosed arrays", false, "[".repeat(100_000)));
        out.add(post(
                "nesting", "100,000 nested objects", false, "{\"a\":".repeat(100_000) + "1" + "}".repeat(100_000)));
        for (int depth : List.of(60, 70, 500, 990)) {
            out.add(post(
                    "nesting",
                    depth + " nested arrays as the layers",
                    false,
                    StudyJson.with("$.template.layers", "[".repeat(depth) + "]".repeat(depth))));
            out.add(post(
                    "nesting",
                    depth + " nested objects in a condition",
                    false,
                    StudyJson.with("$.space.units.when", "{\"param\":".repeat(depth) + "1" + "}".repeat(depth))));
        }
        out.add(post(
                "nesting",
                "100,000 layers",
                false,
                StudyJson.with("$.template.layers", "[" + "0,".repeat(99_999) + "0]")));
        out.add(post(
                "nesting",
                "100,000 unknown fields",
                false,
                StudyJson.with("$.extra", "1").replace("\"extra\":1", fields(100_000))));
    }

    private static String fields(int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++)
            b.append(i == 0 ? "" : ",").append("\"f").append(i).append("\":").append(i);
        return b.toString();
    }
}
