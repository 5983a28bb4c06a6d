package dev.tunelab.app.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tunelab.core.messages.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Runs cases, judges each answer, and counts them by category and status. */
final class Tally {
    private final Map<String, Map<Integer, Integer>> byCategory = new TreeMap<>();
    private final Map<Integer, Integer> byStatus = new TreeMap<>();
    private final List<String> failures = new ArrayList<>();
    private int accepted;
    private int tooLong;

    /** Sends the case and records what it got; returns the answer. */
    Answer run(HostileCase c) {
        Answer a;
        try {
            a = c.send().get();
        } catch (RuntimeException e) {
            a = new Answer(0, null, ("the client failed: " + e).getBytes());
        }
        byCategory.computeIfAbsent(c.category(), k -> new TreeMap<>()).merge(a.status(), 1, Integer::sum);
        byStatus.merge(a.status(), 1, Integer::sum);
        String wrong = judge(c, a);
        if (wrong != null) failures.add(c + " -> " + a.status() + " " + wrong);
        if (c.expect() == HostileCase.Expect.ACCEPTED) accepted++;
        if (c.expect() == HostileCase.Expect.TOO_LONG) tooLong++;
        return a;
    }

    /** Why the answer is wrong for the case, or null when it is right. */
    static String judge(HostileCase c, Answer a) {
        if (a.status() == 0) return a.excerpt();
        if (a.status() >= 500) return "a server error: " + a.excerpt();
        if (c.expect() == HostileCase.Expect.TOO_LONG) {
            return a.status() == 414 ? null : "expected the HTTP server's 414: " + a.excerpt();
        }
        if (c.expect() == HostileCase.Expect.ACCEPTED) {
            return a.status() / 100 == 2 ? null : "valid input refused: " + a.excerpt();
        }
        if (a.status() / 100 != 4) return "hostile input not refused: " + a.excerpt();
        if (a.contentType() == null || !a.contentType().startsWith("application/problem+json"))
            return "content type " + a.contentType() + ", not problem+json: " + a.excerpt();
        JsonNode p;
        try {
            p = Json.MAPPER.readTree(a.body());
        } catch (java.io.IOException e) {
            return "the problem is not JSON: " + a.excerpt();
        }
        if (p.path("status").asInt() != a.status()) return "the problem's status differs: " + a.excerpt();
        for (JsonNode e : p.path("errors")) {
            if (!e.path("path").asText().startsWith("$")) return "an error without a JSON path: " + a.excerpt();
        }
        return null;
    }

    int cases() {
        return byStatus.values().stream().mapToInt(Integer::intValue).sum();
    }

    int accepted() {
        return accepted;
    }

    List<String> failures() {
        return failures;
    }

    String report() {
        StringBuilder b = new StringBuilder("hostile input: " + cases() + " cases, " + accepted + " valid, " + tooLong
                + " refused by the HTTP server (414), the rest refused by TuneLab\n");
        byCategory.forEach((k, v) -> b.append(String.format("  %-22s %4d  %s%n", k, sum(v), v)));
        b.append("  by status: ").append(byStatus).append('\n');
        failures.forEach(f -> b.append("  FAILED ").append(f).append('\n'));
        return b.toString();
    }

    private static int sum(Map<Integer, Integer> m) {
        return m.values().stream().mapToInt(Integer::intValue).sum();
    }
}
