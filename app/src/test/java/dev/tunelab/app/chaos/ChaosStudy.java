package dev.tunelab.app.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tunelab.app.support.TestTokens;
import dev.tunelab.core.messages.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A small Iris study watched from outside while servers are hurt. A poller notes the first final
 * state of every trial, so a second final result applied later (a changed status, objective or
 * finish time) is seen even though the database keeps only the last one.
 */
final class ChaosStudy implements AutoCloseable {
    static final int TRIALS = 6;
    static final int PARALLEL = 2;
    static final int EPOCHS = 20;

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    final String id;
    private final String api;
    private final Map<Integer, String> firstFinal = new ConcurrentHashMap<>();
    private final List<String> changedAfterFinal = new ArrayList<>();
    private volatile JsonNode lastTrials;
    private volatile boolean watching = true;
    private final Thread poller;

    private ChaosStudy(String api, String id) {
        this.api = api;
        this.id = id;
        poller = new Thread(this::poll, "chaos-study-poller");
        poller.setDaemon(true);
        poller.start();
    }

    static ChaosStudy submit(String api, long seed) throws IOException, InterruptedException {
        String spec = """
        {"dataset": "iris", "algorithm": {"name": "random", "seed": %d},
         "budget": {"maxTrials": %d, "parallelTrials": %d, "epochs": %d},
         "space": {"units": {"type": "int", "min": 8, "max": 32}, "lr": {"type": "float", "min": 0.001, "max": 0.05, "log": true}},
         "template": {"layers": [{"type": "Dense", "units": {"param": "units"}, "activation": "relu"},
                                 {"type": "Dense", "units": {"param": "units"}, "activation": "relu"}],
                      "optimizer": "adam", "learning_rate": {"param": "lr"}, "batch_size": 16}}
        """.formatted(seed, TRIALS, PARALLEL, EPOCHS);
        HttpResponse<String> res = HTTP.send(
                HttpRequest.newBuilder(URI.create(api + "/api/v1/studies"))
                        .header("Content-Type", "application/json")
                        .header("Authorization", TestTokens.bearer(TestTokens.ADMIN))
                        .POST(HttpRequest.BodyPublishers.ofString(spec))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (res.statusCode() != 201) throw new IOException("study refused: " + res.statusCode() + " " + res.body());
        return new ChaosStudy(api, Json.MAPPER.readTree(res.body()).path("id").asText());
    }

    /** GET on the API, retried while the API process is down or restarting. */
    JsonNode get(String path, Duration patience) throws IOException, InterruptedException {
        long end = System.nanoTime() + patience.toNanos();
        IOException last = null;
        while (System.nanoTime() < end) {
            try {
                HttpResponse<String> res = HTTP.send(
                        HttpRequest.newBuilder(URI.create(api + path))
                                .header("Authorization", TestTokens.bearer(TestTokens.ADMIN))
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (res.statusCode() == 200) return Json.MAPPER.readTree(res.body());
                last = new IOException(path + " answered " + res.statusCode() + ": " + res.body());
            } catch (IOException e) {
                last = e;
            }
            Thread.sleep(250);
        }
        throw last != null ? last : new IOException(path + " did not answer within " + patience);
    }

    /**
     * Waits for a trial that is running and has finished at least {@code epoch} epochs (so a kill
     * lands mid-trial).
     */
    JsonNode awaitRunningAt(int epoch, Duration timeout) throws IOException, InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            JsonNode trials = lastTrials;
            if (trials != null) {
                for (JsonNode t : trials) {
                    int done = t.path("epochsDone").asInt();
                    if ("RUNNING".equals(t.path("status").asText()) && done >= epoch && done <= EPOCHS - 5) return t;
                }
            }
            Thread.sleep(50);
        }
        throw new IOException("no trial of study " + id + " was running at epoch " + epoch + " within " + timeout);
    }

    /** Waits until at least {@code n} trials have ended. */
    void awaitFinishedTrials(int n, Duration timeout) throws IOException, InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            if (firstFinal.size() >= n) return;
            Thread.sleep(50);
        }
        throw new IOException(firstFinal.size() + " of " + n + " trials of study " + id + " ended within " + timeout);
    }

    JsonNode awaitEnd(Duration timeout) throws IOException, InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        JsonNode s = null;
        while (System.nanoTime() < end) {
            try {
                s = get("/api/v1/studies/" + id, Duration.ofSeconds(30));
                if (!Set.of("PENDING", "RUNNING").contains(s.path("status").asText())) {
                    // One more look, so the poller sees a result applied just before the end.
                    Thread.sleep(1_000);
                    return s;
                }
            } catch (IOException stillDown) {
                // the API may be restarting; keep waiting within the timeout
            }
            Thread.sleep(250);
        }
        throw new IOException("study " + id + " did not end within " + timeout + "; last state " + s);
    }

    /** Trials whose final state changed after it was first seen, as readable lines. */
    List<String> changedAfterFinal() {
        synchronized (changedAfterFinal) {
            return List.copyOf(changedAfterFinal);
        }
    }

    private void poll() {
        while (watching) {
            try {
                JsonNode page = get("/api/v1/studies/" + id + "/trials?size=100", Duration.ofSeconds(2));
                lastTrials = page.path("items");
                for (JsonNode t : lastTrials) {
                    String status = t.path("status").asText();
                    if (Set.of("QUEUED", "RUNNING").contains(status)) continue;
                    String seen = status
                            + " objective="
                            + t.path("objective").asText()
                            + " attempt="
                            + t.path("attempt").asInt()
                            + " finishedAt="
                            + t.path("finishedAt").asText();
                    String before = firstFinal.putIfAbsent(t.path("number").asInt(), seen);
                    if (before != null && !before.equals(seen)) {
                        synchronized (changedAfterFinal) {
                            changedAfterFinal.add(
                                    "trial " + t.path("number").asInt() + ": " + before + " then " + seen);
                        }
                        firstFinal.put(t.path("number").asInt(), seen);
                    }
                }
                Thread.sleep(200);
            } catch (IOException down) {
                // the API process is being killed or restarted: look again shortly
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        watching = false;
        poller.interrupt();
        poller.join(5_000);
    }
}
