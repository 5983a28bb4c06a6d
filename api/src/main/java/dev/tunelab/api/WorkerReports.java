package dev.tunelab.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tunelab.core.messages.WorkerReport;
import dev.tunelab.core.study.SafeText;
import dev.tunelab.core.study.Violation;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Checks a {@link WorkerReport} at the door, field by field, instead of letting Jackson bind it: a
 * bad report is answered with every problem at its JSON path.
 */
final class WorkerReports {
    /**
     * Instant reads years up to a billion, PostgreSQL stores 4713 BC to 294276 AD (a 500 past that):
     * a worker started between 1970 and 9999.
     */
    static final Instant EARLIEST = Instant.EPOCH;

    static final Instant LATEST =
            LocalDate.of(10_000, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();

    private WorkerReports() {}

    /**
     * The report in {@code body} for the worker {@code pathId}; every problem is named by its JSON
     * path.
     */
    static WorkerReport parse(String pathId, JsonNode body) {
        List<Violation> out = new ArrayList<>();
        if (body == null || !body.isObject()) {
            throw problem(List.of(new Violation("$", "a worker report is a JSON object with " + WorkerReport.FIELDS)));
        }
        // PostgreSQL refuses U+0000, and an unpaired surrogate would be stored as '?': refused first.
        SafeText.check(body, "$", out);
        if (!out.isEmpty()) throw problem(out);
        body.fieldNames().forEachRemaining(f -> {
            if (!WorkerReport.FIELDS.contains(f))
                out.add(new Violation("$." + f, "unknown field; allowed: " + new TreeSet<>(WorkerReport.FIELDS)));
        });
        String id = text(body, "id", out);
        if (id != null && !id.equals(pathId))
            out.add(new Violation("$.id", "must be the worker id of the path, '" + pathId + "'"));
        String device = text(body, "device", out);
        if (device != null && !WorkerReport.DEVICES.contains(device)) {
            out.add(new Violation(
                    "$.device",
                    "must be \"" + WorkerReport.CPU + "\" or \"" + WorkerReport.GPU + "\", got \"" + device + "\""));
        }
        long memory = whole(body, "memoryBytes", 1, Long.MAX_VALUE, out);
        long slots = whole(body, "slots", 1, 1_024, out);
        long busy = whole(body, "busySlots", 0, 1_024, out);
        if (slots > 0 && busy > slots)
            out.add(new Violation("$.busySlots", "must be at most slots (" + slots + "), got " + busy));
        String host = text(body, "host", out);
        String started = text(body, "startedAt", out);
        if (started != null) {
            try {
                Instant at = Instant.parse(started);
                if (at.isBefore(EARLIEST) || !at.isBefore(LATEST))
                    out.add(new Violation("$.startedAt", "must be from " + EARLIEST + " to before " + LATEST));
            } catch (DateTimeParseException e) {
                out.add(new Violation(
                        "$.startedAt",
                        "must be an ISO-8601 instant such as 2025-01-31T12:00:00Z, got \"" + started + "\""));
            }
        }
        if (!out.isEmpty()) throw problem(out);
        return new WorkerReport(id, device, memory, (int) slots, (int) busy, host, started);
    }

    private static String text(JsonNode body, String key, List<Violation> out) {
        JsonNode v = body.get(key);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            out.add(new Violation("$." + key, "is required: a non-empty string"));
            return null;
        }
        return v.asText();
    }

    /** The value, or -1 after recording why it is refused. */
    private static long whole(JsonNode body, String key, long min, long max, List<Violation> out) {
        JsonNode v = body.get(key);
        if (v == null || !v.isIntegralNumber() || !v.canConvertToLong() || v.asLong() < min || v.asLong() > max) {
            out.add(new Violation("$." + key, "must be an integer from " + min + " to " + max + ", got " + v));
            return -1;
        }
        return v.asLong();
    }

    private static ApiProblem problem(List<Violation> v) {
        String detail = v.size() == 1
                ? v.get(0).path() + ": " + v.get(0).message()
                : v.size() + " problems; the first: " + v.get(0).path() + ": "
                        + v.get(0).message();
        return new ApiProblem(422, "Invalid worker report", detail, v);
    }
}
