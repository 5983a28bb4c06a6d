package dev.tunelab.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tunelab.core.messages.Json;
import dev.tunelab.core.messages.WorkerReport;
import dev.tunelab.core.study.Violation;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkerReportsTest {
    static ObjectNode report() throws Exception {
        return (ObjectNode) Json.MAPPER.readTree("""
        {"id": "w-1", "device": "cpu", "memoryBytes": 8589934592, "slots": 2, "busySlots": 1,
         "host": "node-3", "startedAt": "2025-06-01T10:00:00Z"}
        """);
    }

    static List<String> paths(String pathId, JsonNode body) {
        ApiProblem p = assertThrows(ApiProblem.class, () -> WorkerReports.parse(pathId, body));
        assertEquals(422, p.status);
        return p.errors.stream().map(Violation::path).toList();
    }

    @Test
    void aCompleteReportReadsAsSent() throws Exception {
        assertEquals(
                new WorkerReport("w-1", "cpu", 8_589_934_592L, 2, 1, "node-3", "2025-06-01T10:00:00Z"),
                WorkerReports.parse("w-1", report()));
    }

    @Test
    void eachBadFieldIsNamedByItsPath() throws Exception {
        ObjectNode r = report();
        r.put("device", "tpu");
        r.put("memoryBytes", -5);
        r.put("slots", 0);
        r.put("startedAt", "yesterday");
        r.remove("host");
        r.put("colour", "red");
        assertEquals(
                List.of("$.colour", "$.device", "$.memoryBytes", "$.slots", "$.host", "$.startedAt"), paths("w-1", r));
    }

    @Test
    void theBodyMustBeAboutThePathsWorker() throws Exception {
        assertEquals(List.of("$.id"), paths("w-2", report()));
    }

    @Test
    void noMoreBusySlotsThanSlots() throws Exception {
        ObjectNode r = report();
        r.put("busySlots", 3);
        assertEquals(List.of("$.busySlots"), paths("w-1", r));
    }

    @Test
    void aBodyThatIsNoObjectIsRefusedAsAWhole() throws Exception {
        assertEquals(List.of("$"), paths("w-1", Json.MAPPER.readTree("[1, 2]")));
    }

    @Test
    void textThatCannotBeStoredIsRefusedAtItsField() throws Exception {
        // Was a 500: PostgreSQL refuses U+0000; an unpaired surrogate was stored as '?'.
        assertEquals(List.of("$.host"), paths("w-1", report().put("host", "node\u0000")));
        assertEquals(List.of("$.host"), paths("w-1", report().put("host", "node\ud800")));
        assertEquals(List.of("$.id"), paths("w-\u0000", report().put("id", "w-\u0000")));
    }

    @Test
    void aStartTimeOutsidePostgresqlsRangeIsRefused() throws Exception {
        // Was a 500: Instant reads a year of a billion, PostgreSQL's timestamps end in 294276 AD.
        for (String t : List.of("+1000000000-12-31T23:59:59Z", "-1000000000-01-01T00:00:00Z", "1969-12-31T23:59:59Z")) {
            assertEquals(List.of("$.startedAt"), paths("w-1", report().put("startedAt", t)), t);
        }
    }
}
