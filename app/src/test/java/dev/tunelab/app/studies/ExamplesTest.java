package dev.tunelab.app.studies;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tunelab.app.support.Api;
import dev.tunelab.app.support.ServersResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every file in examples/ is submittable as it is, and a grid study runs exactly its product. */
@QuarkusTest
@WithTestResource(value = ServersResource.class, scope = TestResourceScope.GLOBAL)
class ExamplesTest {
    static final Path EXAMPLES = Path.of("..", "examples");

    static Stream<Path> examples() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(EXAMPLES)) {
            files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertEquals(true, files.size() >= 2, "examples/ must hold the Iris studies");
        return files.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void exampleIsAccepted(Path file) throws IOException {
        String id = Api.submit(Files.readString(file))
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        // The examples are for people to run; here they only need to be valid, so stop them at once.
        given().post("/api/v1/studies/" + id + "/cancel").then().statusCode(200);
    }

    @Test
    void gridStudyEnumeratesExactlyTheProductOfItsChoices() throws Exception {
        String grid = Files.readString(EXAMPLES.resolve("iris-grid.json")).replace("\"epochs\": 20", "\"epochs\": 3");
        String id = Api.submit(grid).then().statusCode(201).extract().path("id");
        JsonPath done = Api.awaitFinished(id, Duration.ofMinutes(3));
        assertEquals("COMPLETED", done.getString("status"));
        assertEquals(6, done.getInt("progress.total"));
        List<Map<String, Object>> trials = given().get("/api/v1/studies/" + id + "/trials?size=100")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.params");
        Set<Map<String, Object>> seen = new HashSet<>(trials);
        Set<Map<String, Object>> product = new HashSet<>();
        for (int units : List.of(8, 32)) {
            for (String optimizer : List.of("adam", "rmsprop", "sgd"))
                product.add(Map.of("units", units, "optimizer", optimizer));
        }
        assertEquals(6, trials.size());
        assertEquals(product, seen);
    }

    @Test
    void sobolStudyRunsThroughTheService() throws Exception {
        String sobol = Files.readString(EXAMPLES.resolve("iris-sobol.json"))
                .replace("\"maxTrials\": 16", "\"maxTrials\": 4")
                .replace("\"epochs\": 30", "\"epochs\": 2");
        String id = Api.submit(sobol).then().statusCode(201).extract().path("id");
        assertEquals("COMPLETED", Api.awaitFinished(id, Duration.ofMinutes(3)).getString("status"));
        List<Map<String, Object>> points = given().get("/api/v1/studies/" + id + "/trials")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.params");
        assertEquals(4, new HashSet<>(points).size());
    }
}
