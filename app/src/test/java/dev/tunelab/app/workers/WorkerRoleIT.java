package dev.tunelab.app.workers;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunelab.app.support.Api;
import dev.tunelab.app.support.AppProcess;
import io.restassured.RestAssured;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Roles by configuration: a second process with {@code TUNELAB_ROLES=worker} and no database at all
 * joins a running TuneLab through Kafka and HTTP, and trains part of its trials.
 */
class WorkerRoleIT {

    @AfterEach
    void reset() {
        RestAssured.reset();
    }

    @Test
    void workerOnlyProcessNeedsNoDatabaseAndTakesTrials() throws Exception {
        Path log = Files.createTempFile("tunelab-main-", ".log");
        try (AppProcess main = AppProcess.start(
                Files.createTempDirectory("tunelab-main-"), log, Map.of("TUNELAB_WORKER_SLOTS", "1"))) {
            Matcher kafka = Pattern.compile("embedded Kafka \\(KRaft\\) ready at (\\S+)")
                    .matcher(Files.readString(log));
            assertTrue(kafka.find(), "the main process logs its broker");
            Path workerDir = Files.createTempDirectory("tunelab-worker-");
            Path workerLog = Files.createTempFile("tunelab-worker-", ".log");
            try (AppProcess worker = AppProcess.start(
                    workerDir,
                    workerLog,
                    Map.of(
                            "TUNELAB_ROLES",
                            "worker",
                            "TUNELAB_KAFKA_BOOTSTRAP",
                            kafka.group(1),
                            "TUNELAB_API_URL",
                            "http://127.0.0.1:" + main.port))) {
                assertTrue(Files.readString(workerLog).contains("no database"));
                assertTrue(!Files.exists(workerDir.resolve("postgres")), "a worker starts no PostgreSQL");
                RestAssured.port = worker.port;
                given().get("/api/v1/studies").then().statusCode(404).contentType("application/problem+json");

                RestAssured.port = main.port;
                String study = Api.VALID_STUDY.replace(
                        "\"maxTrials\": 2, \"epochs\": 1", "\"maxTrials\": 8, \"parallelTrials\": 3, \"epochs\": 20");
                String id = Api.submit(study).then().statusCode(201).extract().path("id");
                assertEquals(
                        "COMPLETED",
                        Api.awaitFinished(id, Duration.ofMinutes(3)).getString("status"));
                List<String> workers = given().get("/api/v1/studies/" + id + "/trials?size=20")
                        .then()
                        .extract()
                        .jsonPath()
                        .getList("items.worker");
                assertTrue(
                        workers.stream().anyMatch(w -> w.contains("/" + worker.pid() + "#")),
                        "the worker-only process trained some trials: " + workers);
            }
        }
    }
}
