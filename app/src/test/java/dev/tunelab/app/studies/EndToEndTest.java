package dev.tunelab.app.studies;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunelab.app.support.Api;
import dev.tunelab.app.support.SavedModelCheck;
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
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The whole story: upload Iris, tune 8 random trials over Dense units, activation, dropout and
 * learning rate, read the leaderboard and a learning curve, download the best model and check it
 * predicts with the accuracy the service reported.
 */
@QuarkusTest
@WithTestResource(value = ServersResource.class, scope = TestResourceScope.GLOBAL)
class EndToEndTest {
    static final String STUDY = """
      {"name": "e2e iris", "dataset": "%s",
       "objective": {"metric": "val_accuracy", "direction": "maximize"},
       "algorithm": {"name": "random", "seed": 11},
       "budget": {"maxTrials": 8, "parallelTrials": 2, "epochs": 40},
       "space": {
         "units": {"type": "int", "min": 8, "max": 48},
         "activation": {"type": "choice", "values": ["relu", "tanh"]},
         "dropout": {"type": "float", "min": 0.0, "max": 0.3},
         "lr": {"type": "float", "min": 0.003, "max": 0.05, "log": true}},
       "template": {"layers": [
           {"type": "Dense", "units": {"param": "units"}, "activation": {"param": "activation"}},
           {"type": "Dropout", "rate": {"param": "dropout"}},
           {"type": "Dense", "units": 12, "activation": "relu"}],
         "optimizer": "adam", "learning_rate": {"param": "lr"}, "batch_size": 16}}
      """;

    @Test
    void uploadTuneRankDownloadPredict() throws Exception {
        byte[] csv = Api.resource(Api.IRIS_CSV);
        String dataset = Api.uploadCsv("iris.csv", csv, "species", null)
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        JsonPath created = Api.submit(STUDY.formatted(dataset))
                .then()
                .statusCode(201)
                .body("status", equalTo("PENDING"))
                .extract()
                .jsonPath();
        String id = created.getString("id");
        assertEquals("/api/v1/studies/" + id, created.getString("url"));

        JsonPath done = Api.awaitFinished(id, Duration.ofMinutes(4));
        assertEquals("COMPLETED", done.getString("status"));
        assertEquals(8, done.getInt("progress.total"));
        assertEquals(8, done.getInt("progress.completed"));
        double best = done.getDouble("best.objective");
        assertTrue(best >= 0.93, "Iris best val_accuracy within 8 trials was " + best);

        JsonPath board = given().get("/api/v1/studies/" + id + "/trials?size=5")
                .then()
                .statusCode(200)
                .body("total", equalTo(8))
                .body("items.size()", equalTo(5))
                .extract()
                .jsonPath();
        List<Float> objectives = board.getList("items.objective", Float.class);
        for (int i = 1; i < objectives.size(); i++)
            assertTrue(objectives.get(i - 1) >= objectives.get(i), "sorted: " + objectives);
        assertEquals(done.getInt("best.number"), board.getInt("items[0].number"));
        Map<String, Object> params = board.getMap("items[0].params");
        assertEquals(Set.of("units", "activation", "dropout", "lr"), params.keySet());
        given().get("/api/v1/studies/" + id + "/trials?page=1&size=5").then().body("items.size()", equalTo(3));

        int bestNumber = done.getInt("best.number");
        JsonPath curve = given().get("/api/v1/studies/" + id + "/trials/" + bestNumber + "/metrics")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(40, curve.getList("epochs").size());
        assertEquals(best, curve.getDouble("epochs[39].val_accuracy"), 1e-9);
        assertTrue(curve.getMap("epochs[0]")
                .keySet()
                .containsAll(List.of("loss", "val_loss", "accuracy", "val_accuracy")));

        byte[] zip = given().get("/api/v1/studies/" + id + "/best-model")
                .then()
                .statusCode(200)
                .contentType("application/zip")
                .extract()
                .asByteArray();
        Path file = Files.createTempFile("best-model", ".zip");
        Files.write(file, zip);
        double recomputed = SavedModelCheck.validationAccuracy(file, csv, "species");
        assertEquals(best, recomputed, 1e-6, "the downloaded model must predict with the reported accuracy");
    }
}
