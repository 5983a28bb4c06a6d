package dev.tunelab.app.hostile;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tunelab.app.support.Api;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * What exists before the barrage: an uploaded dataset, a finished study with a trial and its model,
 * and every example study (cancelled at once: they only need to be stored).
 *
 * @param finished the study whose trials the trial endpoints are aimed at
 * @param trialId trial 0 of {@code finished}; {@code attempt} its current attempt
 * @param studies every study created here, {@code finished} first
 */
record Fixture(String dataset, String finished, String trialId, int attempt, List<String> studies) {
    static final Path EXAMPLES = Path.of("..", "examples");

    static Fixture create() throws InterruptedException {
        String dataset = Api.uploadCsv("hostile-iris.csv", Api.resource(Api.IRIS_CSV), "species", null)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String finished = Api.submit(Api.VALID_STUDY.replace("\"iris\"", "\"" + dataset + "\""))
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        assertEquals(
                "COMPLETED", Api.awaitFinished(finished, Duration.ofMinutes(3)).getString("status"));
        JsonPath trial = Api.trial(finished, 0);
        List<String> studies = new ArrayList<>(List.of(finished));
        for (String json : examples()) {
            String id = Api.submit(json).then().statusCode(201).extract().path("id");
            given().post("/api/v1/studies/" + id + "/cancel").then().statusCode(200);
            studies.add(id);
        }
        return new Fixture(dataset, finished, trial.getString("id"), trial.getInt("attempt"), List.copyOf(studies));
    }

    private static List<String> examples() {
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            List<String> out = new ArrayList<>();
            for (Path p :
                    files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                out.add(Files.readString(p));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String study() {
        return "/api/v1/studies/" + finished;
    }

    String trial() {
        return study() + "/trials/0";
    }

    String internal() {
        return "/api/v1/internal/trials/" + trialId;
    }
}
