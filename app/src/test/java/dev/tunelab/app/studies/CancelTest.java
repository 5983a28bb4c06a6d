package dev.tunelab.app.studies;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.tunelab.app.support.Api;
import dev.tunelab.app.support.ServersResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Cancelling stops a study: no new trials, and running trials are told to stop between epochs. */
@QuarkusTest
@WithTestResource(value = ServersResource.class, scope = TestResourceScope.GLOBAL)
class CancelTest {

    @Test
    void cancelStopsRunningTrials() throws Exception {
        String study = Api.VALID_STUDY.replace(
                "\"maxTrials\": 2, \"epochs\": 1", "\"maxTrials\": 50, \"parallelTrials\": 2, \"epochs\": 1000");
        String id = Api.submit(study).then().statusCode(201).extract().path("id");
        // A trial that its worker has reported epochs of: running, not merely queued.
        Map<String, Object> running =
                awaitTrial(id, "it.status == 'RUNNING' && it.epochsDone > 0", Duration.ofMinutes(2));
        int number = (Integer) running.get("number");
        int epochsBefore = (Integer) running.get("epochsDone");
        given().post("/api/v1/studies/" + id + "/cancel").then().statusCode(200).body("status", equalTo("CANCELLED"));
        given().post("/api/v1/studies/" + id + "/cancel")
                .then()
                .statusCode(409)
                .contentType("application/problem+json");

        List<String> statuses = List.of();
        long end = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < end) {
            statuses = given().get("/api/v1/studies/" + id + "/trials")
                    .then()
                    .extract()
                    .jsonPath()
                    .getList("items.status");
            if (statuses.stream().allMatch("CANCELLED"::equals)) break;
            Thread.sleep(200);
        }
        assertTrue(statuses.stream().allMatch("CANCELLED"::equals), "all trials cancelled: " + statuses);
        assertTrue(statuses.size() <= 2, "no trial after the parallel ones: " + statuses);
        JsonPath s = Api.study(id);
        assertEquals("CANCELLED", s.getString("status"));
        JsonPath trial = Api.trial(id, number);
        int epochs = trial.getInt("epochsDone");
        // Its worker stopped it and said so; a queued trial would end with the API's own message and no
        // epochs.
        assertTrue(trial.getString("error").startsWith("stopped on request after epoch"), trial.prettify());
        assertTrue(
                epochs >= epochsBefore && epochs < 1000,
                "the running trial stopped early, after " + epochs + " epochs: " + trial.prettify());
        Thread.sleep(1_000);
        assertEquals(epochs, Api.trial(id, number).getInt("epochsDone"), "no epoch after the stop");
    }

    @Test
    void cancellingOneRunningTrialStopsItWithinItsEpochAndTheStudyGoesOn() throws Exception {
        // A CNN epoch over 4,000 images takes seconds here, so a stop that waited for the epoch's end
        // would show as a finished epoch.
        String study = """
        {"dataset": "%s", "algorithm": {"name": "random", "seed": 8}, "budget": {"maxTrials": 2, "parallelTrials": 1, "epochs": 2},
         "space": {"units": {"type": "int", "min": 32, "max": 64}},
         "template": {"layers": [
             {"type": "Conv2D", "filters": 32, "kernel_size": 3, "padding": "same", "activation": "relu"},
             {"type": "Flatten"}, {"type": "Dense", "units": {"param": "units"}, "activation": "relu"}],
           "batch_size": 32}}
        """.formatted(ArchitectureSearchTest.fashionTrain());
        String id = Api.submit(study).then().statusCode(201).extract().path("id");
        awaitTrial(id, "it.number == 0 && it.status == 'RUNNING'", Duration.ofMinutes(2));
        Thread.sleep(1_000);
        assertEquals(
                "RUNNING", Api.trial(id, 0).getString("status"), "still in its first epoch when the stop is asked for");
        long asked = System.nanoTime();
        given().post("/api/v1/studies/" + id + "/trials/0/cancel").then().statusCode(200);
        while (System.nanoTime() - asked < 30_000_000_000L
                && !"CANCELLED".equals(Api.trial(id, 0).getString("status"))) {
            Thread.sleep(50);
        }
        double seconds = (System.nanoTime() - asked) / 1e9;
        JsonPath trial = Api.trial(id, 0);
        assertEquals("CANCELLED", trial.getString("status"), trial.prettify());
        // Stopped by its worker (a queued trial would be cancelled by the API with a message of its
        // own).
        assertEquals("stopped on request after epoch 0", trial.getString("error"), trial.prettify());
        assertEquals(
                0, trial.getInt("epochsDone"), "stopped between minibatches of its first epoch: " + trial.prettify());
        // Request -> outbox -> Kafka -> worker (between minibatches) -> event -> scheduler -> database.
        assertTrue(seconds < 5, "cancelled " + seconds + " s after the request");
        given().post("/api/v1/studies/" + id + "/trials/0/cancel")
                .then()
                .statusCode(409)
                .contentType("application/problem+json");

        JsonPath done = Api.awaitFinished(id, Duration.ofMinutes(4));
        assertEquals("COMPLETED", done.getString("status"), "the study went on: " + done.prettify());
        assertEquals("COMPLETED", Api.trial(id, 1).getString("status"));
    }

    /**
     * The first trial matching the Groovy condition on the trials list, or a failure when none does
     * in time.
     */
    static Map<String, Object> awaitTrial(String study, String condition, Duration timeout)
            throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        List<Map<String, Object>> trials = List.of();
        while (System.nanoTime() < end) {
            JsonPath page = given().get("/api/v1/studies/" + study + "/trials")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            List<Map<String, Object>> match = page.getList("items.findAll { " + condition + " }");
            if (!match.isEmpty()) return match.get(0);
            trials = page.getList("items");
            Thread.sleep(100);
        }
        return fail("no trial with " + condition + " within " + timeout + ": " + trials);
    }
}
