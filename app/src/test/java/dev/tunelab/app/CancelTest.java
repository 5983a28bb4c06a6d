package dev.tunelab.app;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Cancelling stops a study: no new trials, and running trials are told to stop between epochs. */
@QuarkusTest
@WithTestResource(value = ServersResource.class, scope = TestResourceScope.GLOBAL)
class CancelTest {

  @Test
  void cancelStopsRunningTrials() throws Exception {
    String study = StudyValidationTest.VALID
        .replace("\"maxTrials\": 2, \"epochs\": 1", "\"maxTrials\": 50, \"parallelTrials\": 2, \"epochs\": 1000");
    String id = Api.submit(study).then().statusCode(201).extract().path("id");
    long end = System.nanoTime() + 120_000_000_000L;
    while (System.nanoTime() < end && given().get("/api/v1/studies/" + id + "/trials").then().extract()
        .jsonPath().getList("items.findAll { it.epochsDone > 0 }").isEmpty()) {
      Thread.sleep(200);
    }
    given().post("/api/v1/studies/" + id + "/cancel").then().statusCode(200).body("status", equalTo("CANCELLED"));
    given().post("/api/v1/studies/" + id + "/cancel").then().statusCode(409).contentType("application/problem+json");

    List<String> statuses = List.of();
    end = System.nanoTime() + 60_000_000_000L;
    while (System.nanoTime() < end) {
      statuses = given().get("/api/v1/studies/" + id + "/trials").then().extract().jsonPath().getList("items.status");
      if (statuses.stream().allMatch("CANCELLED"::equals)) break;
      Thread.sleep(200);
    }
    assertTrue(statuses.stream().allMatch("CANCELLED"::equals), "all trials cancelled: " + statuses);
    assertTrue(statuses.size() <= 2, "no trial after the parallel ones: " + statuses);
    JsonPath s = Api.study(id);
    assertEquals("CANCELLED", s.getString("status"));
    int epochs = given().get("/api/v1/studies/" + id + "/trials").then().extract().jsonPath().getInt("items[0].epochsDone");
    assertTrue(epochs < 1000, "the running trial stopped early, after " + epochs + " epochs");
  }
}
