package dev.tunelab.app.hostile;

import static dev.tunelab.app.hostile.HostileCase.accepted;
import static dev.tunelab.app.hostile.HostileCase.refused;

import dev.tunelab.core.messages.ArtifactEntries;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a broken or hostile worker could send: model and checkpoint uploads for a real trial at its
 * current attempt, and worker reports.
 */
final class InternalCases {
    private static final String CARD = ArtifactEntries.MODEL_CARD;

    private InternalCases() {}

    static List<HostileCase> all(Fixture f) {
        List<HostileCase> out = new ArrayList<>();
        artifacts(f, out);
        checkpoints(f, out);
        workers(out);
        return out;
    }

    private static void artifacts(Fixture f, List<HostileCase> out) {
        String put = f.internal() + "/artifact?attempt=" + f.attempt();
        Map<String, byte[]> bad = new LinkedHashMap<>();
        bad.put("an empty body", new byte[0]);
        bad.put("random bytes", Garbage.bytes(4096, 9));
        bad.put("a zip cut in half", UploadCases.cut(Zips.of(CARD, "{\"a\": 1}".getBytes())));
        bad.put("a zip without a model card", Zips.of("model.bin", new byte[] {1, 2, 3}));
        bad.put("a model card that is not JSON", Zips.of(CARD, "not json".getBytes()));
        bad.put("a model card that is a JSON array", Zips.of(CARD, "[1, 2]".getBytes()));
        bad.put("a model card that is null", Zips.of(CARD, "null".getBytes()));
        bad.put("a model card holding a NUL byte", Zips.of(CARD, "{\"a\": \"x\0y\"}".getBytes()));
        bad.put("a model card holding an escaped NUL", Zips.of(CARD, "{\"a\": \"x\\u0000y\"}".getBytes()));
        bad.put("a model card that is not UTF-8", Zips.of(CARD, new byte[] {'{', '"', (byte) 0xff, '"', ':', '1', '}'
        }));
        bad.put(
                "a model card nested 100,000 deep",
                Zips.of(CARD, "[".repeat(100_000).getBytes()));
        bad.put("zip slip names and no card", Zips.of(Map.of("../../../../tmp/evil", new byte[] {1})));
        for (Map.Entry<String, byte[]> c : bad.entrySet()) {
            out.add(refused(
                    "internal",
                    "PUT artifact: " + c.getKey(),
                    () -> Send.body("PUT", put, "application/zip", c.getValue())));
        }
        byte[] fine = Zips.of(CARD, "{\"a\": 1}".getBytes());
        String other = f.internal() + "/artifact?attempt=" + (f.attempt() + 1);
        out.add(refused(
                "internal", "PUT artifact: another attempt", () -> Send.body("PUT", other, "application/zip", fine)));
        out.add(refused("internal", "PUT artifact: as JSON", () -> Send.body("PUT", put, "application/json", fine)));
        String unknown = "/api/v1/internal/trials/00000000-0000-0000-0000-000000000000/artifact?attempt=1";
        out.add(refused(
                "internal", "PUT artifact: unknown trial", () -> Send.body("PUT", unknown, "application/zip", fine)));
    }

    private static void checkpoints(Fixture f, List<HostileCase> out) {
        String put = f.internal() + "/checkpoint?attempt=" + f.attempt() + "&epoch=1";
        Map<String, byte[]> bad = new LinkedHashMap<>();
        bad.put("an empty body", new byte[0]);
        bad.put("random bytes", Garbage.bytes(4096, 10));
        bad.put("a zip without the checkpoint", Zips.of("other.bin", new byte[] {1}));
        bad.put("a zip cut in half", UploadCases.cut(Zips.of(ArtifactEntries.CHECKPOINT, Garbage.bytes(4096, 11))));
        for (Map.Entry<String, byte[]> c : bad.entrySet()) {
            out.add(refused(
                    "internal",
                    "PUT checkpoint: " + c.getKey(),
                    () -> Send.body("PUT", put, "application/zip", c.getValue())));
        }
        byte[] fine = Zips.of(ArtifactEntries.CHECKPOINT, new byte[] {1});
        String other = f.internal() + "/checkpoint?attempt=" + (f.attempt() + 1) + "&epoch=1";
        out.add(refused(
                "internal", "PUT checkpoint: another attempt", () -> Send.body("PUT", other, "application/zip", fine)));
        out.add(refused(
                "internal", "GET checkpoint: none kept after the model", () -> Send.get(f.internal() + "/checkpoint")));
    }

    private static void workers(List<HostileCase> out) {
        String valid =
                "{\"id\": \"hostile-w\", \"device\": \"cpu\", \"memoryBytes\": 1024, \"slots\": 2, \"busySlots\": 0,"
                        + " \"host\": \"h\", \"startedAt\": \"2025-06-01T10:00:00Z\"}";
        String path = "/api/v1/internal/workers/hostile-w";
        out.add(accepted("workers", "a valid report", () -> Send.json("PUT", path, valid)));
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("NUL in the host", valid.replace("\"h\"", "\"h\\u0000\""));
        bad.put("an unpaired surrogate in the host", valid.replace("\"h\"", "\"h\\ud800\""));
        bad.put("a control character in the device", valid.replace("\"cpu\"", "\"cpu\\u0007\""));
        bad.put(
                "started in the year 1,000,000,000",
                valid.replace("2025-06-01T10:00:00Z", "+1000000000-12-31T23:59:59Z"));
        bad.put(
                "started in the year -1,000,000,000",
                valid.replace("2025-06-01T10:00:00Z", "-1000000000-01-01T00:00:00Z"));
        bad.put("started on the 45th of the 13th month", valid.replace("2025-06-01", "2025-13-45"));
        bad.put("memory 1e400", valid.replace("1024", "1e400"));
        bad.put("memory past a long", valid.replace("1024", "9223372036854775808"));
        bad.put("slots -1", valid.replace("\"slots\": 2", "\"slots\": -1"));
        bad.put("slots 1e9", valid.replace("\"slots\": 2", "\"slots\": 1000000000"));
        bad.put("more busy slots than slots", valid.replace("\"busySlots\": 0", "\"busySlots\": 3"));
        bad.put("device tpu", valid.replace("\"cpu\"", "\"tpu\""));
        bad.put("an unknown field", valid.replace("{", "{\"extra\": 1, "));
        bad.put("another worker's id", valid.replace("\"hostile-w\"", "\"someone-else\""));
        bad.put("an array", "[" + valid + "]");
        bad.put("null", "null");
        bad.put("an empty body", "");
        bad.put("100,000 nested arrays", "[".repeat(100_000) + "]".repeat(100_000));
        bad.put("malformed JSON", valid.substring(0, valid.length() - 2));
        for (Map.Entry<String, String> c : bad.entrySet()) {
            out.add(refused("workers", c.getKey(), () -> Send.json("PUT", path, c.getValue())));
        }
        byte[] raw = valid.replace("\"h\"", "\"h@\"").getBytes(StandardCharsets.UTF_8);
        raw[new String(raw, StandardCharsets.ISO_8859_1).indexOf('@')] = (byte) 0xff;
        out.add(refused("workers", "a host that is not UTF-8", () -> Send.body("PUT", path, "application/json", raw)));
        for (String id : List.of("a%00b", "..%2f..%2fx", "x".repeat(5_000), "%ED%A0%80")) {
            String p = "/api/v1/internal/workers/" + id;
            out.add(HostileCase.refusedAt(
                    "workers", "path id " + PathCases.shorten(id), p, () -> Send.json("PUT", p, valid)));
        }
        out.add(refused("workers", "text/plain", () -> Send.body("PUT", path, "text/plain", valid.getBytes())));
    }
}
