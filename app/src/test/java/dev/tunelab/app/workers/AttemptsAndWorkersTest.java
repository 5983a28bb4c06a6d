package dev.tunelab.app.workers;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tunelab.app.support.Api;
import dev.tunelab.app.support.ServersResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A resumed trial's learning curve across attempts, and workers reporting themselves. */
@QuarkusTest
@WithTestResource(value = ServersResource.class, scope = TestResourceScope.GLOBAL)
class AttemptsAndWorkersTest {
    @Inject
    EntityManager em;

    @Test
    void theCurveTakesEachEpochFromItsNewestAttempt() throws Exception {
        String id = Api.submit(Api.VALID_STUDY.replace("\"epochs\": 1}", "\"epochs\": 1, \"maxAttempts\": 2}"))
                .then()
                .statusCode(201)
                .body("budget.maxAttempts", equalTo(2))
                .extract()
                .path("id");
        assertEquals("COMPLETED", Api.awaitFinished(id, Duration.ofSeconds(120)).getString("status"));
        String trial = given().get("/api/v1/studies/" + id + "/trials/0")
                .then()
                .statusCode(200)
                .extract()
                .path("id");
        // Attempt 1 reached epoch 2 after its last checkpoint (epoch 1); attempt 2 resumed there.
        addMetric(UUID.fromString(trial), 1, 2, "{\"val_accuracy\": 0.25}");
        addMetric(UUID.fromString(trial), 2, 2, "{\"val_accuracy\": 0.5}");
        addMetric(UUID.fromString(trial), 2, 3, "{\"val_accuracy\": 0.75}");

        JsonPath curve = given().get("/api/v1/studies/" + id + "/trials/0/metrics")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(List.of(1, 2, 3), curve.getList("epochs.epoch"));
        assertEquals(List.of(1, 2, 2), curve.getList("epochs.attempt"));
        assertEquals(List.of(0.5f, 0.75f), curve.getList("epochs.val_accuracy").subList(1, 3));
    }

    @Transactional
    void addMetric(UUID trial, int attempt, int epoch, String json) {
        em.createNativeQuery(
                        "insert into trial_metric (trial_id, attempt, epoch, metrics_json) values (?1, ?2, ?3, ?4)")
                .setParameter(1, trial)
                .setParameter(2, attempt)
                .setParameter(3, epoch)
                .setParameter(4, json)
                .executeUpdate();
    }

    @Test
    void aReportingWorkerIsListedAndABadReportIsRefusedAtItsField() {
        String body = """
        {"id": "test-worker-1", "device": "cpu", "memoryBytes": 4294967296, "slots": 2, "busySlots": 0,
         "host": "test-host", "startedAt": "2025-06-01T10:00:00Z"}
        """;
        given().contentType("application/json")
                .body(body)
                .put("/api/v1/internal/workers/test-worker-1")
                .then()
                .statusCode(200)
                .body("id", equalTo("test-worker-1"));
        given().get("/api/v1/workers")
                .then()
                .statusCode(200)
                .body("id", hasItem("test-worker-1"))
                .body("find { it.id == 'test-worker-1' }.memoryBytes", equalTo(4294967296L))
                .body("find { it.id == 'test-worker-1' }.host", equalTo("test-host"));
        given().contentType("application/json")
                .body(body.replace("\"cpu\"", "\"tpu\""))
                .put("/api/v1/internal/workers/test-worker-1")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors.path", equalTo(List.of("$.device")));
    }

    @Test
    void theRunningWorkerReportsItselfUnderItsHostAndPid() throws InterruptedException {
        // Worker ids are "host/pid": the report's path must take the slash.
        long end = System.nanoTime() + java.time.Duration.ofSeconds(20).toNanos();
        List<Map<String, Object>> workers = List.of();
        while (System.nanoTime() < end) {
            workers = given().get("/api/v1/workers")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath()
                    .getList("$");
            if (workers.stream()
                    .anyMatch(w -> ((String) w.get("id"))
                            .endsWith("/" + ProcessHandle.current().pid()))) break;
            Thread.sleep(250);
        }
        Map<String, Object> self = workers.stream()
                .filter(w -> ((String) w.get("id"))
                        .endsWith("/" + ProcessHandle.current().pid()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("this process's worker is not listed"));
        org.junit.jupiter.api.Assertions.assertEquals("cpu", self.get("device"), self.toString());
        org.junit.jupiter.api.Assertions.assertTrue(
                ((Number) self.get("memoryBytes")).longValue() > 0, self.toString());
    }
}
