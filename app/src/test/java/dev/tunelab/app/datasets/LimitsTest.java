package dev.tunelab.app.datasets;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunelab.api.limits.UploadGate;
import dev.tunelab.app.support.Api;
import dev.tunelab.app.support.ServersResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadInfo;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every limit, reached through the API with small values: a 4xx problem+json whose detail and
 * {@code limit} member name the limit and its value. The archive limit keeps its real 1 GiB, and a
 * bomb past it is refused in seconds without the heap growing by more than a few MB.
 */
@QuarkusTest
@TestProfile(LimitsTest.SmallLimits.class)
@WithTestResource(value = ServersResource.class, scope = TestResourceScope.GLOBAL)
class LimitsTest {
    public static class SmallLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.ofEntries(
                    Map.entry("tunelab.limits.request-bytes", "4M"),
                    Map.entry("tunelab.limits.upload-bytes", "3M"),
                    Map.entry("tunelab.limits.archive-entries", "100"),
                    Map.entry("tunelab.limits.image-pixels", "1000"),
                    Map.entry("tunelab.limits.table-cells", "1000"),
                    Map.entry("tunelab.limits.study-trials", "50"),
                    Map.entry("tunelab.limits.study-layers", "4"),
                    Map.entry("tunelab.limits.layer-units", "64"),
                    Map.entry("tunelab.limits.study-params", "10000"),
                    Map.entry("tunelab.limits.studies-running", "3"),
                    Map.entry("tunelab.limits.uploads-at-once", "1"));
        }
    }

    @Inject
    UploadGate gate;

    /** Checks the problem's shape and that it names the limit and its value; returns its body. */
    static JsonPath namesLimit(Response r, int status, String limit, long value) {
        r.then()
                .statusCode(status)
                .contentType("application/problem+json")
                .body("status", equalTo(status))
                .body("detail", containsString("(limit tunelab.limits." + limit + ")"))
                .body("limit.name", equalTo("tunelab.limits." + limit));
        JsonPath p = r.jsonPath();
        assertEquals(value, p.getLong("limit.value"));
        assertTrue(p.getString("detail").contains(Long.toString(value)), p.getString("detail"));
        return p;
    }

    static Response upload(String name, byte[] file, String... fields) {
        var req = given().multiPart("file", name, file, "application/octet-stream");
        for (int i = 0; i < fields.length; i += 2) req = req.multiPart(fields[i], fields[i + 1]);
        return req.when().post("/api/v1/datasets");
    }

    @Test
    void aRequestPastTheLimitIsRefusedFromItsLengthBeforeItsBodyIsRead() throws IOException {
        // Five gigabytes announced, none sent: the answer comes at once.
        try (Socket s = new Socket("127.0.0.1", RestAssured.port)) {
            OutputStream out = s.getOutputStream();
            out.write(("POST /api/v1/datasets HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                            + "Content-Type: multipart/form-data; boundary=x\r\nContent-Length: 5000000000\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            s.setSoTimeout(10_000);
            String answer = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
            assertTrue(answer.contains("application/problem+json"), answer);
            assertTrue(
                    answer.contains("\"detail\":\"the request body is 5000000000 bytes, more than 4194304"
                            + " (limit tunelab.limits.request-bytes)\""),
                    answer);
            assertTrue(
                    answer.contains("\"limit\":{\"name\":\"tunelab.limits.request-bytes\",\"value\":4194304}"), answer);
        }
    }

    @Test
    void aFilePastTheUploadLimitIsRefusedAtItsField() {
        JsonPath p = namesLimit(upload("big.csv", new byte[(3 << 20) + 1], "label", "y"), 413, "upload-bytes", 3 << 20);
        assertEquals("$.file", p.getString("errors[0].path"));
    }

    @Test
    void aCsvPastItsCellsIsRefused() {
        StringBuilder csv = new StringBuilder("x,y\n");
        for (int i = 0; i < 600; i++) csv.append(i).append(',').append(i % 2).append('\n');
        byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
        JsonPath p = namesLimit(Api.uploadCsv("t.csv", bytes, "y", null), 413, "table-cells", 1000);
        assertEquals("$.file", p.getString("errors[0].path"));
    }

    @Test
    void archivesPastTheirEntriesOrPixelsAreRefused() {
        namesLimit(upload("folders.zip", Bombs.folders(101), "kind", "images"), 413, "archive-entries", 100);
        upload("ten.zip", Bombs.images(10, 10, 10), "kind", "images").then().statusCode(201);
        namesLimit(upload("pixels.zip", Bombs.images(12, 10, 10), "kind", "images"), 413, "image-pixels", 1000);
    }

    @Test
    void aZipBombIsRefusedWhileStreamingWithoutTheHeapGrowing() throws Exception {
        // 2 GiB of "images" (real PNGs trailed by zeros) in about 2 MB; the limit is the real 1 GiB.
        byte[] bomb = Bombs.zipOfImages(2, 1L << 30);
        assertTrue(bomb.length < 4 << 20, "the bomb is " + bomb.length + " bytes");
        // A lean client: RestAssured allocates some hundred times a multipart body to send it, which
        // would hide the server's share of this JVM's heap.
        HttpRequest request = Bombs.multipart(
                URI.create("http://127.0.0.1:" + RestAssured.port + "/api/v1/datasets"),
                "bomb.zip",
                bomb,
                "kind",
                "images");
        HttpClient client = HttpClient.newHttpClient();
        System.gc();
        long before = retainedHeap();
        Map<Long, Long> serverBefore = serverThreadAllocations();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        long t0 = System.nanoTime();
        HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
        long ms = (System.nanoTime() - t0) / 1_000_000;
        long grown = peakRetainedHeap() - before;
        long serverAllocated = allocatedSince(serverBefore);
        System.out.printf(
                "zip bomb of 2 GiB refused in %d ms; old generation grew by %d KB; the server's threads allocated %d KB%n",
                ms, grown >> 10, serverAllocated >> 10);
        assertEquals(413, r.statusCode(), r.body());
        JsonPath p = new JsonPath(r.body());
        assertEquals(
                "$.file: the zip archive unpacks to more than 1073741824 bytes (limit tunelab.limits.archive-bytes)",
                p.getString("detail"));
        assertEquals("tunelab.limits.archive-bytes", p.getString("limit.name"));
        assertEquals(1L << 30, p.getLong("limit.value"));
        assertTrue(ms < 60_000, "refused after " + ms + " ms");
        assertTrue(grown < 16 << 20, "the heap's old generation grew by " + (grown >> 20) + " MB");
        assertTrue(serverAllocated < 32 << 20, "the server allocated " + (serverAllocated >> 20) + " MB");
    }

    /** What survives young collections: every heap pool but eden and survivor. */
    private static long retainedHeap() {
        return oldPools().stream().mapToLong(p -> p.getUsage().getUsed()).sum();
    }

    private static long peakRetainedHeap() {
        return oldPools().stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }

    private static List<MemoryPoolMXBean> oldPools() {
        List<MemoryPoolMXBean> old = new ArrayList<>();
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            String n = p.getName();
            if (p.getType() == MemoryType.HEAP && !n.contains("Eden") && !n.contains("Survivor")) old.add(p);
        }
        return old;
    }

    /** Bytes allocated so far by each thread that serves HTTP requests (Vert.x's and the executor's). */
    private static Map<Long, Long> serverThreadAllocations() {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Map<Long, Long> out = new HashMap<>();
        for (ThreadInfo t : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (t == null) continue;
            String name = t.getThreadName();
            if (name.startsWith("executor-thread") || name.startsWith("vert.x-"))
                out.put(t.getThreadId(), threads.getThreadAllocatedBytes(t.getThreadId()));
        }
        return out;
    }

    private static long allocatedSince(Map<Long, Long> before) {
        long sum = 0;
        for (Map.Entry<Long, Long> now : serverThreadAllocations().entrySet())
            sum += now.getValue() - before.getOrDefault(now.getKey(), 0L);
        return sum;
    }

    @Test
    void anUploadWhileTheGateIsFullIsAskedToComeBack() {
        try (UploadGate.Permit held = gate.enter()) {
            Response r = Api.uploadCsv("iris.csv", Api.resource(Api.IRIS_CSV), "species", null);
            namesLimit(r, 503, "uploads-at-once", 1);
            assertEquals("5", r.getHeader("Retry-After"));
        }
        Api.uploadCsv("iris.csv", Api.resource(Api.IRIS_CSV), "species", null)
                .then()
                .statusCode(201);
    }

    static String study(String budget, String space, String layers) {
        return """
            {"dataset": "iris", "algorithm": {"name": "random", "seed": 1}, "budget": %s, "space": %s,
             "template": {"layers": %s}}
            """.formatted(budget, space, layers);
    }

    @Test
    void studiesTooLargeAreRefusedWithThePathAndTheLimit() {
        String dense = "[{\"type\": \"Dense\", \"units\": 8}]";
        Api.submit(study("{\"maxTrials\": 51}", "{}", dense))
                .then()
                .statusCode(422)
                .body("errors[0].path", equalTo("$.budget.maxTrials"))
                .body("errors[0].message", containsString("(limit tunelab.limits.study-trials)"));
        Api.submit(study("{}", "{}", dense.replace("[", "[" + "{\"type\": \"Dense\", \"units\": 8},".repeat(4))))
                .then()
                .statusCode(422)
                .body("errors[0].path", equalTo("$.template.layers"))
                .body("errors[0].message", containsString("5 layers; at most 4 (limit tunelab.limits.study-layers)"));
        Api.submit(study("{}", "{}", "[{\"type\": \"Dense\", \"units\": 65}]"))
                .then()
                .statusCode(422)
                .body("errors[0].path", equalTo("$.template.layers[0].units"))
                .body("errors[0].message", containsString("at most 64 (limit tunelab.limits.layer-units)"));
        // Iris: four Dense(64) are 4*64+64 + 3*(64*64+64) + 64*3+3 = 12,995 parameters with the output layer.
        Api.submit(study(
                        "{}",
                        "{}",
                        "[{\"type\": \"Dense\", \"units\": 64}]"
                                .replace("]", ",{\"type\": \"Dense\", \"units\": 64}".repeat(3) + "]")))
                .then()
                .statusCode(422)
                .body("errors[0].path", equalTo("$.template"))
                .body(
                        "errors[0].message",
                        containsString("12995 parameters; at most 10000 (limit tunelab.limits.study-params)"));
    }

    @Test
    void aProjectRunsAtMostItsLimitOfStudiesAtOnce() {
        // GPU studies: no GPU worker runs here, so they stay pending without taking the CPU.
        String pending = study(
                        "{\"maxTrials\": 5, \"parallelTrials\": 1}", "{}", "[{\"type\": \"Dense\", \"units\": 4}]")
                .replace("{\"dataset\"", "{\"device\": \"gpu\", \"dataset\"");
        List<String> created = new ArrayList<>();
        try {
            Response r = null;
            for (int i = 0; i < 4; i++) {
                r = Api.submit(pending);
                if (r.statusCode() != 201) break;
                created.add(r.jsonPath().getString("id"));
            }
            assertTrue(created.size() <= 3, "accepted " + created.size() + " studies");
            JsonPath p = namesLimit(r, 409, "studies-running", 3);
            assertTrue(p.getString("detail").contains("studies that have not finished"), p.getString("detail"));
        } finally {
            for (String id : created) given().post("/api/v1/studies/" + id + "/cancel");
        }
        // Cancelled studies have finished: there is room again.
        String again = Api.submit(pending).then().statusCode(201).extract().path("id");
        given().post("/api/v1/studies/" + again + "/cancel").then().statusCode(200);
    }
}
