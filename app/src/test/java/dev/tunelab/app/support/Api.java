package dev.tunelab.app.support;

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
public final class Api {
    /**
     * The Iris table the api module ships as its built-in dataset, uploaded here as a user's file.
     */
    /** A small study that runs on Iris in seconds; tests vary it with replace(). */
    public static final String VALID_STUDY = """
      {"dataset": "iris", "algorithm": {"name": "random", "seed": 1}, "budget": {"maxTrials": 2, "epochs": 1},
       "space": {"units": {"type": "int", "min": 4, "max": 8}},
       "template": {"layers": [{"type": "Dense", "units": {"param": "units"}, "activation": "relu"}]}}
      """;

    public static final String IRIS_CSV = "datasets/iris.csv";

    private Api() {}

    public static byte[] resource(String name) {
        try (InputStream in = Api.class.getResourceAsStream("/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Response uploadCsv(String fileName, byte[] csv, String label, String task) {
        var req = given().multiPart("file", fileName, csv, "text/csv").multiPart("label", label);
        if (task != null) req = req.multiPart("task", task);
        return req.when().post("/api/v1/datasets");
    }

    /**
     * Uploads a part ("train" or "t10k") of the committed Fashion-MNIST subset; a test set names its
     * training set.
     */
    public static String uploadIdx(String part, String trainingSet) {
        String dir = "datasets/fashion-mnist-5k/";
        var req = given().multiPart(
                        "file",
                        part + "-images-idx3-ubyte.gz",
                        resource(dir + part + "-images-idx3-ubyte.gz"),
                        "application/gzip")
                .multiPart(
                        "labels",
                        part + "-labels-idx1-ubyte.gz",
                        resource(dir + part + "-labels-idx1-ubyte.gz"),
                        "application/gzip")
                .multiPart("name", "Fashion-MNIST subset " + part);
        if (trainingSet != null) req = req.multiPart("trainingSet", trainingSet);
        return req.when()
                .post("/api/v1/datasets")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    public static Response submit(String studyJson) {
        return given().contentType("application/json").body(studyJson).when().post("/api/v1/studies");
    }

    public static JsonPath study(String id) {
        return given().when()
                .get("/api/v1/studies/" + id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    public static JsonPath trial(String id, int number) {
        return given().when()
                .get("/api/v1/studies/" + id + "/trials/" + number)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    /**
     * Polls until the study has ended and its test evaluation (asked for at the end) has come back.
     */
    public static JsonPath awaitTest(String id, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        JsonPath s = awaitFinished(id, timeout);
        while (System.nanoTime() < end && "pending".equals(s.getString("test.status"))) {
            Thread.sleep(250);
            s = study(id);
        }
        return s;
    }

    /** Polls until the study leaves PENDING/RUNNING; fails with its last state on timeout. */
    public static JsonPath awaitFinished(String id, Duration timeout) throws InterruptedException {
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
