package dev.tunelab.app.studies;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunelab.app.support.Api;
import dev.tunelab.app.support.ServersResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;

/**
 * Architecture search through the service on image data: depth and width as parameters, points
 * whose network cannot exist skipped with their reason, and the best trial scored once on a
 * held-out test set.
 */
@QuarkusTest
@WithTestResource(value = ServersResource.class, scope = TestResourceScope.GLOBAL)
class ArchitectureSearchTest {
    private static String fashionTrain;

    /** The committed 5,000-image training subset of Fashion-MNIST, uploaded once per test run. */
    static synchronized String fashionTrain() {
        if (fashionTrain == null) fashionTrain = Api.uploadIdx("train", null);
        return fashionTrain;
    }

    @Test
    void cnnStudyOnFashionMnistSearchesDepthAndFiltersAndScoresTheBestOnTheTestSet() throws Exception {
        String train = fashionTrain();
        String test = Api.uploadIdx("t10k", train);
        String study = """
        {"name": "Fashion-MNIST CNN", "dataset": "%s", "test": {"dataset": "%s"},
         "algorithm": {"name": "random", "seed": 3}, "budget": {"maxTrials": 3, "parallelTrials": 2, "epochs": 2},
         "space": {"blocks": {"type": "int", "min": 1, "max": 2},
                   "filters": {"type": "choice", "values": [8, 16]}},
         "template": {"layers": [
             {"type": "Repeat", "times": {"param": "blocks"}, "layers": [
               {"type": "Conv2D", "filters": {"param": "filters"}, "kernel_size": 3, "padding": "same", "activation": "relu"},
               {"type": "MaxPooling2D", "pool_size": 2}]},
             {"type": "Flatten"},
             {"type": "Dense", "units": 32, "activation": "relu"}],
           "optimizer": "adam", "learning_rate": 0.002, "batch_size": 64}}
        """.formatted(train, test);
        JsonPath submitted = Api.submit(study).then().statusCode(201).extract().jsonPath();
        String id = submitted.getString("id");
        // Per-repetition filters: filters_1 exists only for two blocks.
        assertEquals(
                List.of("blocks", "filters_0", "filters_1"),
                List.copyOf(submitted.getMap("space").keySet()));
        assertTrue(submitted.getBoolean("architecture.exhaustive"));
        long min = submitted.getLong("architecture.minParams");
        long max = submitted.getLong("architecture.maxParams");
        assertTrue(0 < min && min < max, submitted.prettify());

        JsonPath done = Api.awaitTest(id, Duration.ofMinutes(8));
        assertEquals("COMPLETED", done.getString("status"), done.prettify());
        assertEquals("done", done.getString("test.status"), done.prettify());
        int best = done.getInt("best.number");
        assertEquals(best, done.getInt("test.trial"));
        double testAccuracy = done.getDouble("test.metrics.test_accuracy");
        assertTrue(testAccuracy > 0.6, "2 epochs on 4,000 images: " + done.prettify());

        List<Map<String, Object>> trials = given().get("/api/v1/studies/" + id + "/trials?size=100")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items");
        assertEquals(3, trials.size());
        for (Map<String, Object> t : trials) {
            @SuppressWarnings("unchecked")
            Map<String, Object> params = (Map<String, Object>) t.get("params");
            assertEquals((Integer) params.get("blocks") == 2, params.containsKey("filters_1"), params.toString());
            long count = ((Number) t.get("paramCount")).longValue();
            assertTrue(min <= count && count <= max, t.toString());
        }
        Path zip = Files.createTempFile("best", ".zip");
        Files.write(
                zip,
                given().get("/api/v1/studies/" + id + "/best-model")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asByteArray());
        MultiLayerNetwork net = ModelSerializer.restoreMultiLayerNetwork(zip.toFile());
        assertEquals(Api.trial(id, best).getLong("paramCount"), net.numParams(), "DL4J builds what was counted");
    }

    @Test
    void pointsWhoseNetworkCannotExistAreSkippedWithTheReason() throws Exception {
        // 28 -> 14 -> 7 -> 3 -> 1: a fifth pooling leaves nothing, so one grid point of five is
        // skipped.
        String study = """
        {"dataset": "%s", "algorithm": {"name": "grid"}, "budget": {"parallelTrials": 2, "epochs": 1},
         "space": {"pools": {"type": "int", "min": 1, "max": 5}},
         "template": {"layers": [
             {"type": "Repeat", "times": {"param": "pools"}, "layers": [{"type": "MaxPooling2D", "pool_size": 2}]},
             {"type": "Flatten"}, {"type": "Dense", "units": 8, "activation": "relu"}]}}
        """.formatted(fashionTrain());
        JsonPath submitted = Api.submit(study).then().statusCode(201).extract().jsonPath();
        assertEquals(1, submitted.getInt("architecture.pointsInvalid"), submitted.prettify());
        JsonPath done = Api.awaitFinished(submitted.getString("id"), Duration.ofMinutes(4));
        assertEquals("COMPLETED", done.getString("status"), done.prettify());
        assertEquals(5, done.getInt("progress.total"));
        assertEquals(1, done.getInt("progress.skipped"));
        assertEquals(4, done.getInt("progress.completed"));
        List<Map<String, Object>> trials = given().get(
                        "/api/v1/studies/" + submitted.getString("id") + "/trials?size=10")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items");
        Map<String, Object> skipped = trials.get(trials.size() - 1);
        assertEquals("SKIPPED", skipped.get("status"), "skipped points rank last: " + trials);
        assertEquals(Map.of("pools", 5), skipped.get("params"));
        String why = (String) skipped.get("error");
        assertTrue(why.contains("$.template.layers[0].layers[0]") && why.contains("repetition 5"), why);
        assertNotNull(trials.get(0).get("paramCount"));
    }

    @Test
    void aTemplateNoPointOfWhichCanWorkIsRefusedAndNotStored() {
        int before = given().get("/api/v1/studies")
                .then()
                .extract()
                .jsonPath()
                .getList("$")
                .size();
        String study = """
        {"dataset": "%s", "space": {"pools": {"type": "int", "min": 5, "max": 6}},
         "template": {"layers": [
             {"type": "Repeat", "times": {"param": "pools"}, "layers": [{"type": "MaxPooling2D", "pool_size": 2}]},
             {"type": "Flatten"}]}}
        """.formatted(fashionTrain());
        Api.submit(study)
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].path", equalTo("$.template.layers[0].layers[0]"));
        assertEquals(
                before,
                given().get("/api/v1/studies")
                        .then()
                        .extract()
                        .jsonPath()
                        .getList("$")
                        .size());
    }
}
