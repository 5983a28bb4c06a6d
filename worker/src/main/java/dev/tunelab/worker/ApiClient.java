package dev.tunelab.worker;

import dev.tunelab.core.data.DatasetMeta;
import dev.tunelab.core.messages.AttemptCheck;
import dev.tunelab.core.messages.Json;
import dev.tunelab.core.messages.WorkerReport;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

/** The worker's only way to the service's data: datasets in, models out, over HTTP. */
final class ApiClient {
    // HTTP/1.1: no h2c upgrade on the first request, which a restarting server may cut off.
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final String base;
    private final String authorization;

    /** {@code token}: the worker credential, or null where the API runs without authentication. */
    ApiClient(String base, String token) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.authorization = token == null || token.isEmpty() ? null : "Bearer " + token;
    }

    /** How to read the dataset's bytes (kind, label, classes, vocabulary and other options). */
    DatasetMeta datasetMeta(String id) throws IOException, InterruptedException {
        return Json.read(get("/api/v1/datasets/" + id + "/meta"), DatasetMeta.class);
    }

    byte[] datasetContent(String id) throws IOException, InterruptedException {
        return get("/api/v1/datasets/" + id + "/content");
    }

    /** A finished trial's saved model zip, as users download it. */
    byte[] trialModel(UUID studyId, int number) throws IOException, InterruptedException {
        return get("/api/v1/studies/" + studyId + "/trials/" + number + "/model");
    }

    /**
     * Claims the attempt this worker got from Kafka, which gives its credential access to the trial's
     * data; false when the attempt was cancelled or superseded before this worker got to it.
     */
    boolean claim(UUID trialId, int attempt) throws IOException, InterruptedException {
        HttpRequest req = request("/api/v1/internal/trials/" + trialId + "/attempts/" + attempt + "/claim")
                .timeout(Duration.ofMinutes(2))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build();
        return Json.read(check(http.send(req, HttpResponse.BodyHandlers.ofByteArray()), "claim"), AttemptCheck.class)
                .run();
    }

    void uploadArtifact(UUID trialId, int attempt, byte[] zip) throws IOException, InterruptedException {
        HttpRequest req = request("/api/v1/internal/trials/" + trialId + "/artifact?attempt=" + attempt)
                .timeout(Duration.ofMinutes(5))
                .header("Content-Type", "application/zip")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(zip))
                .build();
        check(http.send(req, HttpResponse.BodyHandlers.ofByteArray()), "upload of the model");
    }

    /**
     * Stores a checkpoint of the attempt after {@code epoch}; the API keeps the trial's newest epoch,
     * of any attempt.
     */
    void uploadCheckpoint(UUID trialId, int attempt, int epoch, byte[] zip) throws IOException, InterruptedException {
        HttpRequest req = request(
                        "/api/v1/internal/trials/" + trialId + "/checkpoint?attempt=" + attempt + "&epoch=" + epoch)
                .timeout(Duration.ofMinutes(5))
                .header("Content-Type", "application/zip")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(zip))
                .build();
        check(http.send(req, HttpResponse.BodyHandlers.ofByteArray()), "upload of the checkpoint");
    }

    /** The trial's newest checkpoint zip (of any attempt), or null when it has none. */
    byte[] checkpoint(UUID trialId) throws IOException, InterruptedException {
        String path = "/api/v1/internal/trials/" + trialId + "/checkpoint";
        HttpRequest req = request(path).timeout(Duration.ofMinutes(5)).GET().build();
        HttpResponse<byte[]> res = http.send(req, HttpResponse.BodyHandlers.ofByteArray());
        if (res.statusCode() == 404) return null;
        return check(res, "GET " + path);
    }

    /** Tells the API this worker is alive and how busy it is. */
    void reportWorker(WorkerReport report) throws IOException, InterruptedException {
        HttpRequest req = request("/api/v1/internal/workers/" + URLEncoder.encode(report.id(), StandardCharsets.UTF_8))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(Json.write(report)))
                .build();
        check(http.send(req, HttpResponse.BodyHandlers.ofByteArray()), "worker report");
    }

    private byte[] get(String path) throws IOException, InterruptedException {
        HttpRequest req = request(path).timeout(Duration.ofMinutes(2)).GET().build();
        return check(http.send(req, HttpResponse.BodyHandlers.ofByteArray()), "GET " + path);
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
        return authorization == null ? b : b.header("Authorization", authorization);
    }

    private static byte[] check(HttpResponse<byte[]> res, String what) throws IOException {
        if (res.statusCode() / 100 != 2) {
            throw new IOException(what
                    + " failed with HTTP "
                    + res.statusCode()
                    + ": "
                    + new String(res.body(), StandardCharsets.UTF_8));
        }
        return res.body();
    }
}
