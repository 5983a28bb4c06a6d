package dev.tunelab.app.restart;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tunelab.app.support.Api;
import dev.tunelab.app.support.AppProcess;
import io.restassured.RestAssured;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Starting TuneLab a second time on the same data directory keeps earlier studies: the packaged
 * application with its embedded PostgreSQL and Kafka, started twice as a user would.
 */
class RestartIT {

    @AfterEach
    void reset() {
        RestAssured.reset();
    }

    @Test
    void studiesSurviveARestart() throws Exception {
        Path dataDir = Files.createTempDirectory("tunelab-restart-");
        Path log = Files.createTempFile("tunelab-restart-", ".log");
        String id;
        try (AppProcess first = AppProcess.start(dataDir, log)) {
            RestAssured.port = first.port;
            String study = Api.VALID_STUDY.replace("\"epochs\": 1", "\"epochs\": 3");
            id = Api.submit(study).then().statusCode(201).extract().path("id");
            assertEquals(
                    "COMPLETED", Api.awaitFinished(id, Duration.ofMinutes(2)).getString("status"));
        }
        try (AppProcess second = AppProcess.start(dataDir, log)) {
            RestAssured.port = second.port;
            given().get("/api/v1/studies/" + id)
                    .then()
                    .statusCode(200)
                    .body("status", equalTo("COMPLETED"))
                    .body("progress.completed", equalTo(2));
            given().get("/api/v1/studies/" + id + "/best-model")
                    .then()
                    .statusCode(200)
                    .contentType("application/zip");
            // The restarted broker and scheduler still run new studies.
            String again =
                    Api.submit(Api.VALID_STUDY).then().statusCode(201).extract().path("id");
            assertEquals(
                    "COMPLETED", Api.awaitFinished(again, Duration.ofMinutes(2)).getString("status"));
        }
    }
}
