package dev.tunelab.app;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.fail;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Set;

/** What a user does through the REST API, written once for all the stories. */
final class Api {
  /** The Iris table the api module ships as its built-in dataset, uploaded here as a user's file. */
  static final String IRIS_CSV = "datasets/iris.csv";

  private Api() {}

  static byte[] resource(String name) {
    try (InputStream in = Api.class.getResourceAsStream("/" + name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Response uploadCsv(String fileName, byte[] csv, String label, String task) {
    var req = given().multiPart("file", fileName, csv, "text/csv").multiPart("label", label);
    if (task != null) req = req.multiPart("task", task);
    return req.when().post("/api/v1/datasets");
  }

  static Response submit(String studyJson) {
    return given().contentType("application/json").body(studyJson).when().post("/api/v1/studies");
  }

  static JsonPath study(String id) {
    return given().when().get("/api/v1/studies/" + id).then().statusCode(200).extract().jsonPath();
  }

  static JsonPath trial(String id, int number) {
    return given().when().get("/api/v1/studies/" + id + "/trials/" + number).then().statusCode(200).extract().jsonPath();
  }

  /** Polls until the study leaves PENDING/RUNNING; fails with its last state on timeout. */
  static JsonPath awaitFinished(String id, Duration timeout) throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    JsonPath s = study(id);
    while (System.nanoTime() < end) {
      s = study(id);
      if (!Set.of("PENDING", "RUNNING").contains(s.getString("status"))) return s;
      Thread.sleep(250);
    }
    fail("study " + id + " did not finish in " + timeout + "; last state: " + s.prettify());
    return s;
  }
}
