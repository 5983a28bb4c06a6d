package dev.tunelab.app.hostile;

import static dev.tunelab.app.hostile.HostileCase.accepted;
import static dev.tunelab.app.hostile.HostileCase.refused;

import dev.tunelab.app.support.Api;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Text a study cannot hold: control characters and unpaired surrogates written as JSON escapes,
 * bytes that are not UTF-8, and very long strings.
 */
final class TextCases {
    private static final List<String> FIELDS = List.of(
            "$.name",
            "$.dataset",
            "$.algorithm.name",
            "$.space.units.type",
            "$.template.layers[0].type",
            "$.template.layers[0].activation",
            "$.objective.metric",
            "$.device");

    /** As JSON escapes, so the JSON is well formed and the text is what is refused. */
    private static final List<String> ESCAPES =
            List.of("\\u0000", "\\u0007", "\\u001b[2J", "\\u007f", "\\ud800", "\\udc00x", "\\udbff\\udbff");

    /** Bytes put inside the study's name: none is UTF-8, or none may stand raw in a JSON string. */
    private static final List<String> RAW =
            List.of("ff", "c080", "80", "e282", "eda080", "edb080", "f888808080", "f4908080", "fe", "00", "1f", "c3");

    private TextCases() {}

    static List<HostileCase> all() {
        List<HostileCase> out = new ArrayList<>();
        for (String field : FIELDS) {
            for (String e : ESCAPES) {
                String json = StudyJson.with(field, "\"ok" + e + "\"");
                out.add(refused(
                        "control text", field + "=" + e, () -> Send.json("POST", StudyBodyCases.STUDIES, json)));
            }
        }
        String key = Api.VALID_STUDY.replace("\"units\": {\"type\"", "\"un\\u0000its\": {\"type\"");
        out.add(refused(
                "control text", "NUL in a parameter name", () -> Send.json("POST", StudyBodyCases.STUDIES, key)));
        String top = Api.VALID_STUDY.replaceFirst("\\{", "{\"\\\\ud800\": 1, ");
        out.add(refused(
                "control text", "surrogate as a field name", () -> Send.json("POST", StudyBodyCases.STUDIES, top)));
        for (String hex : RAW) {
            byte[] body = withRawName(hex);
            out.add(refused(
                    "raw bytes",
                    "name holds bytes " + hex,
                    () -> Send.body("POST", StudyBodyCases.STUDIES, "application/json", body)));
        }
        byte[] utf16 = Api.VALID_STUDY.getBytes(StandardCharsets.UTF_16LE);
        out.add(refused(
                "raw bytes",
                "UTF-16LE sent as UTF-8",
                () -> Send.body("POST", StudyBodyCases.STUDIES, "application/json; charset=UTF-8", utf16)));
        out.add(refused(
                "raw bytes",
                "1 MB of random bytes",
                () -> Send.body("POST", StudyBodyCases.STUDIES, "application/json", Garbage.bytes(1 << 20, 7))));
        longStrings(out);
        return out;
    }

    private static void longStrings(List<HostileCase> out) {
        String mb = "x".repeat(1 << 20);
        out.add(post("long strings", "1 MB name", StudyJson.with("$.name", "\"" + mb + "\""), false));
        out.add(post(
                "long strings", "200-character name", StudyJson.with("$.name", "\"" + "n".repeat(200) + "\""), true));
        out.add(post("long strings", "1 MB dataset id", StudyJson.with("$.dataset", "\"" + mb + "\""), false));
        out.add(post(
                "long strings",
                "1 MB layer type",
                StudyJson.with("$.template.layers[0].type", "\"" + mb + "\""),
                false));
        out.add(post(
                "long strings", "1 MB field name", Api.VALID_STUDY.replaceFirst("\\{", "{\"" + mb + "\": 1, "), false));
        out.add(post(
                "long strings",
                "1 MB parameter name",
                Api.VALID_STUDY.replace("\"units\": {\"type\"", "\"" + mb + "\": {\"type\""),
                false));
        String fiftyMb = StudyJson.with("$.name", "\"" + "y".repeat(50 << 20) + "\"");
        out.add(post("long strings", "50 MB name", fiftyMb, false));
    }

    private static HostileCase post(String category, String name, String json, boolean valid) {
        return valid
                ? accepted(category, name, () -> Send.json("POST", StudyBodyCases.STUDIES, json))
                : refused(category, name, () -> Send.json("POST", StudyBodyCases.STUDIES, json));
    }

    /** The valid study as UTF-8, with the bytes of {@code hex} inside its name. */
    private static byte[] withRawName(String hex) {
        String[] parts = StudyJson.with("$.name", "\"a@b\"").split("@");
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(parts[0].getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < hex.length(); i += 2) b.write(Integer.parseInt(hex.substring(i, i + 2), 16));
        b.writeBytes(parts[1].getBytes(StandardCharsets.UTF_8));
        return b.toByteArray();
    }
}
