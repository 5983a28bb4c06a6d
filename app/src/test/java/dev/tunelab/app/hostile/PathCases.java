package dev.tunelab.app.hostile;

import static dev.tunelab.app.hostile.HostileCase.accepted;
import static dev.tunelab.app.hostile.HostileCase.refused;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Bad ids, trial numbers and attempts in the path of every endpoint that takes one. */
final class PathCases {
    /** Each study endpoint with {id}, and its method. */
    private static final Map<String, String> STUDY_ENDPOINTS = Map.ofEntries(
            Map.entry("", "GET"),
            Map.entry("/cancel", "POST"),
            Map.entry("/trials", "GET"),
            Map.entry("/trials/0", "GET"),
            Map.entry("/trials/0/cancel", "POST"),
            Map.entry("/trials/0/metrics", "GET"),
            Map.entry("/trials/0/model-card", "GET"),
            Map.entry("/trials/0/model", "GET"),
            Map.entry("/analysis", "GET"),
            Map.entry("/curves", "GET"),
            Map.entry("/best-model", "GET"));

    /** Ids as sent (percent-encoded where they must be); none names a study. */
    private static final List<String> BAD_IDS = List.of(
            "abc",
            "00000000-0000-0000-0000-000000000000",
            "%7B00000000-0000-0000-0000-000000000000%7D",
            "00000000-0000-0000-0000-00000000000g",
            "1-1-1-1-1",
            "%00",
            "%2e%2e",
            "..%2f..%2fetc%2fpasswd",
            "%F0%9F%98%80",
            "%ED%A0%80",
            "x".repeat(5_000));

    /** Trial numbers, on the finished study's endpoints that take one. */
    private static final List<String> BAD_NUMBERS =
            List.of("-1", "99", "2147483648", "99999999999999999999", "1e3", "abc", "0x1", "%00", "1.0", "%20");

    private static final List<String> TRIAL_ENDPOINTS = List.of("", "/cancel", "/metrics", "/model-card", "/model");

    private static final List<String> BAD_DATASET_IDS =
            List.of("nope", "%00", "iris%00", "..%2firis", "%2e%2e", "x".repeat(5_000), "%ED%A0%80", "iris%20", "IRIS");

    private PathCases() {}

    static List<HostileCase> all(Fixture f) {
        List<HostileCase> out = new ArrayList<>();
        STUDY_ENDPOINTS.forEach((suffix, method) -> {
            for (String id : BAD_IDS) {
                String path = "/api/v1/studies/" + id + suffix;
                out.add(HostileCase.refusedAt(
                        "bad ids",
                        method + " studies/" + shorten(id) + suffix,
                        path,
                        () -> Send.request(method, path)));
            }
        });
        for (String suffix : TRIAL_ENDPOINTS) {
            String method = suffix.equals("/cancel") ? "POST" : "GET";
            for (String n : BAD_NUMBERS) {
                String path = f.study() + "/trials/" + n + suffix;
                out.add(refused(
                        "bad trial numbers", method + " trials/" + n + suffix, () -> Send.request(method, path)));
            }
        }
        for (String suffix : List.of("", "/meta", "/content")) {
            for (String id : BAD_DATASET_IDS) {
                String path = "/api/v1/datasets/" + id + suffix;
                out.add(HostileCase.refusedAt(
                        "bad ids", "GET datasets/" + shorten(id) + suffix, path, () -> Send.get(path)));
            }
        }
        internal(f, out);
        return out;
    }

    private static void internal(Fixture f, List<HostileCase> out) {
        for (String id : List.of("abc", "%00", "x".repeat(5_000), "00000000-0000-0000-0000-000000000000")) {
            String base = "/api/v1/internal/trials/" + id;
            for (String suffix : List.of("/attempts/1", "/checkpoint")) {
                String path = base + suffix;
                out.add(HostileCase.refusedAt(
                        "bad ids", "GET internal/" + shorten(id) + suffix, path, () -> Send.get(path)));
            }
        }
        for (String a : List.of("abc", "2147483648", "1.5", "%00")) {
            out.add(refused("bad trial numbers", "GET attempts/" + a, () -> Send.get(f.internal() + "/attempts/" + a)));
        }
        // A past or future attempt is a fair question: the answer is "do not run".
        for (String a : List.of("-1", "0", "2147483647")) {
            out.add(accepted(
                    "bad trial numbers", "GET attempts/" + a, () -> Send.get(f.internal() + "/attempts/" + a)));
        }
    }

    static String shorten(String s) {
        return s.length() > 40 ? s.substring(0, 10) + "...(" + s.length() + " chars)" : s;
    }
}
