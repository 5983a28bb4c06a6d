package dev.tunelab.app.studies;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunelab.app.support.Api;
import dev.tunelab.app.support.ServersResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Model-based search and early stopping through the service on Iris: the examples a user would
 * start from, shortened to fit the test suite.
 */
@QuarkusTest
@WithTestResource(value = ServersResource.class, scope = TestResourceScope.GLOBAL)
class SearchAndPruningTest {

    @Test
    void bayesianStudyWithAshaPrunesTrialsAndKeepsTheirCurves() throws Exception {
        String study = Files.readString(ExamplesTest.EXAMPLES.resolve("iris-bayesian-asha.json"))
                .replace("\"maxTrials\": 20", "\"maxTrials\": 14");
        String id = Api.submit(study).then().statusCode(201).extract().path("id");
        JsonPath done = Api.awaitFinished(id, Duration.ofMinutes(4));
        assertEquals("COMPLETED", done.getString("status"), done.prettify());
        assertEquals("asha", done.getString("pruner.name"));
        assertEquals(14, done.getInt("progress.done"));
        int pruned = done.getInt("progress.pruned");
        assertTrue(pruned >= 1, "ASHA at epochs 1, 3 and 9 of 27 stops some of 14 trials: " + done.prettify());

        List<Map<String, Object>> board = given().get("/api/v1/studies/" + id + "/trials?size=100")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items");
        List<Object> statuses = board.stream().map(t -> t.get("status")).toList();
        assertTrue(
                statuses.lastIndexOf("COMPLETED") < statuses.indexOf("PRUNED"),
                "completed trials rank first: " + statuses);
        List<Map<String, Object>> prunedRows =
                board.stream().filter(t -> "PRUNED".equals(t.get("status"))).toList();
        assertEquals(pruned, prunedRows.size());
        for (Map<String, Object> t : prunedRows) {
            int epochs = (Integer) t.get("epochsDone");
            assertTrue(epochs >= 1 && epochs < 27, "stopped before the end: " + t);
            assertNotNull(t.get("objective"), "a pruned trial keeps its last value");
            assertTrue(((String) t.get("error")).startsWith("pruned:"), t.toString());
            JsonPath curve = given().get("/api/v1/studies/" + id + "/trials/" + t.get("number") + "/metrics")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            assertFalse(curve.getList("epochs").isEmpty(), "its learning curve is kept");
        }
        assertTrue(
                board.stream().anyMatch(t -> "COMPLETED".equals(t.get("status")) && (Integer) t.get("rung") == 2),
                "a trial that ran to the end passed every rung (epochs 1, 3 and 9)");
        int best = done.getInt("best.number");
        assertEquals("COMPLETED", Api.trial(id, best).getString("status"), "only a completed trial can be best");
        given().get("/api/v1/studies/" + id + "/best-model").then().statusCode(200);
    }

    @Test
    void tpeStudyOfVariableDepthLeavesOutParametersOfMissingLayers() throws Exception {
        String study = Files.readString(ExamplesTest.EXAMPLES.resolve("iris-tpe-depth.json"))
                .replace("\"maxTrials\": 24", "\"maxTrials\": 14")
                .replace("\"epochs\": 20", "\"epochs\": 4");
        String id = Api.submit(study).then().statusCode(201).extract().path("id");
        JsonPath done = Api.awaitFinished(id, Duration.ofMinutes(4));
        assertEquals("COMPLETED", done.getString("status"), done.prettify());
        List<Map<String, Object>> params = given().get("/api/v1/studies/" + id + "/trials?size=100")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.params");
        assertEquals(14, params.size());
        for (Map<String, Object> p : params) {
            int layers = (Integer) p.get("layers");
            assertEquals(layers >= 2, p.containsKey("units_2"), p.toString());
            assertEquals(layers >= 3, p.containsKey("units_3"), p.toString());
        }
    }
}
