package dev.tunelab.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.tunelab.core.messages.Json;
import dev.tunelab.core.messages.WorkerReport;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The worker's side of the HTTP contracts, against answers as the API sends them. */
class ApiClientTest {
    private final AtomicReference<String> answer = new AtomicReference<>();
    private final AtomicReference<String> received = new AtomicReference<>();
    private final AtomicReference<String> authorization = new AtomicReference<>();
    private HttpServer server;
    private ApiClient api;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            received.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            authorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] body = answer.get().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        api = new ApiClient("http://127.0.0.1:" + server.getAddress().getPort() + "/", "tl_worker-secret");
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void anAttemptRunsOnlyWhenTheApiSaysSo() throws Exception {
        // The API wrote these fields in any order before the answer was a record.
        answer.set("{\"status\": \"RUNNING\", \"attempt\": 2, \"run\": true}");
        assertTrue(api.claim(UUID.randomUUID(), 2));
        answer.set("{\"run\": false, \"status\": \"CANCELLED\", \"attempt\": 2}");
        assertFalse(api.claim(UUID.randomUUID(), 2));
    }

    @Test
    void everyCallCarriesTheWorkerCredential() throws Exception {
        answer.set("{}");
        api.reportWorker(new WorkerReport("node-3/42", WorkerReport.CPU, 1024, 2, 1, "node-3", "2025-06-01T10:00:00Z"));
        assertEquals("Bearer tl_worker-secret", authorization.get());
    }

    @Test
    void theWorkerReportGoesOutAsTheApiReadsIt() throws Exception {
        answer.set("{}");
        api.reportWorker(new WorkerReport("node-3/42", WorkerReport.CPU, 1024, 2, 1, "node-3", "2025-06-01T10:00:00Z"));
        assertEquals(Json.MAPPER.readTree("""
        {"id": "node-3/42", "device": "cpu", "memoryBytes": 1024, "slots": 2, "busySlots": 1,
         "host": "node-3", "startedAt": "2025-06-01T10:00:00Z"}
        """), Json.MAPPER.readTree(received.get()));
    }
}
