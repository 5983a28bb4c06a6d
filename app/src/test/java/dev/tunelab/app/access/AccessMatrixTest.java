package dev.tunelab.app.access;

import static dev.tunelab.app.access.Users.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunelab.app.support.Api;
import dev.tunelab.app.support.ServersResource;
import dev.tunelab.app.support.TestTokens;
import dev.tunelab.store.access.TokenEntity;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every endpoint against every kind of caller: nobody (401), a member of another project (404, as
 * if the object did not exist), a viewer writing (403), a worker credential outside its trials
 * (404), and the project's own members (2xx).
 */
@QuarkusTest
@WithTestResource(value = ServersResource.class, scope = TestResourceScope.GLOBAL)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixTest {
    private String study;
    private String trialId;
    private String dataset;
    private String viewer;
    private String editor;
    private String outsider;
    private String worker;

    /** One endpoint: method, path, body (JSON unless it is an upload), and the least role it needs. */
    record Call(String method, String path, String body, String needs) {
        Response send(String token) {
            var req = as(token);
            if (body != null) req = req.contentType("application/json").body(body);
            if ("upload".equals(needs))
                req = req.multiPart("file", "iris.csv", Api.resource(Api.IRIS_CSV), "text/csv")
                        .multiPart("label", "species");
            return req.request(method, path);
        }

        boolean writes() {
            return !needs.equals("viewer");
        }
    }

    // Not @BeforeAll: RestAssured learns the test server's port only before each test.
    @BeforeEach
    void setUp() throws Exception {
        if (study != null) return;
        String id = Api.submit(Api.VALID_STUDY).then().statusCode(201).extract().path("id");
        Api.awaitFinished(id, Duration.ofMinutes(3));
        trialId = Api.trial(id, 0).getString("id");
        dataset = Api.uploadCsv("iris.csv", Api.resource(Api.IRIS_CSV), "species", null)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        viewer = Users.member("default", "vera", "viewer");
        editor = Users.member("default", "eddie", "editor");
        Users.project("elsewhere");
        outsider = Users.member("elsewhere", "olga", "admin");
        // A worker credential of its own: the embedded worker's has claimed this study's trials.
        worker = Users.as(TestTokens.ADMIN)
                .contentType("application/json")
                .body("{\"name\": \"matrix-worker\"}")
                .post("/api/v1/worker-credentials")
                .then()
                .statusCode(201)
                .extract()
                .path("token");
        study = id;
    }

    List<Call> calls() {
        String s = "/api/v1/studies/" + study;
        String d = "/api/v1/datasets/" + dataset;
        String t = "/api/v1/internal/trials/" + trialId;
        String p = "/api/v1/projects/default";
        return List.of(
                new Call("GET", s, null, "viewer"),
                new Call("GET", s + "/trials", null, "viewer"),
                new Call("GET", s + "/trials/0", null, "viewer"),
                new Call("GET", s + "/trials/0/metrics", null, "viewer"),
                new Call("GET", s + "/trials/0/model-card", null, "viewer"),
                new Call("GET", s + "/trials/0/model", null, "viewer"),
                new Call("GET", s + "/best-model", null, "viewer"),
                new Call("GET", s + "/analysis", null, "viewer"),
                new Call("GET", s + "/curves", null, "viewer"),
                new Call("POST", s + "/cancel", null, "editor"),
                new Call("POST", s + "/trials/0/cancel", null, "editor"),
                new Call("POST", "/api/v1/studies?project=default", Api.VALID_STUDY, "editor"),
                new Call("GET", d, null, "viewer"),
                new Call("GET", d + "/meta", null, "viewer"),
                new Call("GET", d + "/content", null, "viewer"),
                new Call("POST", "/api/v1/datasets?project=default", null, "upload"),
                new Call("GET", p, null, "viewer"),
                new Call("GET", p + "/members", null, "viewer"),
                new Call("PUT", p + "/members/zed", "{\"role\": \"viewer\"}", "admin"),
                new Call("GET", p + "/tokens", null, "admin"),
                new Call("POST", p + "/tokens", "{\"user\": \"vera\", \"name\": \"x\"}", "admin"),
                new Call("GET", p + "/audit", null, "admin"),
                new Call("GET", t + "/attempts/1", null, "worker"),
                new Call("POST", t + "/attempts/1/claim", null, "worker"),
                new Call("GET", t + "/checkpoint", null, "worker"));
    }

    @Test
    void nobodyGets401OnEveryEndpoint() {
        List<Call> all = new ArrayList<>(calls());
        all.add(new Call("GET", "/api/v1/studies", null, "viewer"));
        all.add(new Call("GET", "/api/v1/events", null, "viewer"));
        all.add(new Call("GET", "/api/v1/datasets", null, "viewer"));
        all.add(new Call("GET", "/api/v1/workers", null, "viewer"));
        all.add(new Call("GET", "/api/v1/me", null, "viewer"));
        all.add(new Call("GET", "/api/v1/projects", null, "viewer"));
        all.add(new Call("GET", "/api/v1/worker-credentials", null, "viewer"));
        all.add(new Call("PUT", "/api/v1/internal/workers/w1", "{}", "worker"));
        for (Call c : all) {
            Response r = c.send(null);
            assertEquals(401, r.statusCode(), c.method() + " " + c.path());
            assertEquals("application/problem+json", r.contentType(), c.path());
        }
        assertEquals(
                401,
                as("tl_not-a-real-token-at-all-0000000000")
                        .get("/api/v1/studies")
                        .statusCode());
    }

    @Test
    void anotherProjectsMemberGets404AsIfNothingWereThere() {
        Map<String, Integer> seen = new TreeMap<>();
        for (Call c : calls()) {
            if (c.path().contains("project=default")) continue; // their own create is checked below
            Response r = c.send(outsider);
            seen.put(c.method() + " " + c.path(), r.statusCode());
            assertEquals(404, r.statusCode(), c.method() + " " + c.path() + ": " + r.asString());
        }
        assertEquals(404, as(outsider).get("/api/v1/studies?project=default").statusCode());
        assertEquals(404, as(outsider).get("/api/v1/events?study=" + study).statusCode());
        assertFalse(as(outsider).get("/api/v1/studies").asString().contains(study));
        assertFalse(as(outsider).get("/api/v1/datasets").asString().contains(dataset));
        assertEquals(
                404,
                as(outsider)
                        .contentType("application/json")
                        .body(Api.VALID_STUDY)
                        .post("/api/v1/studies?project=default")
                        .statusCode());
        // Their own project works, with the built-in dataset; a dataset of another project does not.
        assertEquals(
                201,
                as(outsider)
                        .contentType("application/json")
                        .body(Api.VALID_STUDY)
                        .post("/api/v1/studies")
                        .statusCode());
        String foreign = Api.VALID_STUDY.replace("\"iris\"", "\"" + dataset + "\"");
        Response r = as(outsider).contentType("application/json").body(foreign).post("/api/v1/studies");
        assertEquals(422, r.statusCode(), r.asString());
    }

    @Test
    void aViewerReadsButEveryWriteIs403() {
        for (Call c : calls()) {
            if (c.needs().equals("worker")) continue;
            Response r = c.send(viewer);
            int expected = c.writes() ? 403 : 200;
            assertEquals(expected, r.statusCode(), c.method() + " " + c.path() + ": " + r.asString());
        }
    }

    @Test
    void anEditorWritesButManagesNobody() {
        for (Call c : calls()) {
            if (c.needs().equals("worker")) continue;
            int status = c.send(editor).statusCode();
            if (c.needs().equals("admin")) assertEquals(403, status, c.path());
            else assertTrue(status / 100 == 2 || status == 409, c.method() + " " + c.path() + " " + status);
        }
    }

    @Test
    void aWorkerCredentialReachesNoTrialItHasNotClaimed() {
        for (Call c : calls()) {
            Response r = c.send(worker);
            if (c.path().endsWith("/claim")) {
                // The study finished: the attempt is not live, so the claim is answered but grants nothing.
                assertEquals(200, r.statusCode(), r.asString());
                assertFalse(r.jsonPath().getBoolean("run"));
                continue;
            }
            assertEquals(404, r.statusCode(), c.method() + " " + c.path() + ": " + r.asString());
        }
        assertEquals(404, as(worker).get("/api/v1/studies").statusCode());
        assertEquals(404, as(worker).get("/api/v1/worker-credentials").statusCode());
        // Revoked by the site admin, it is refused at once.
        String id = as(TestTokens.ADMIN)
                .get("/api/v1/worker-credentials")
                .jsonPath()
                .getString("find { it.name == 'matrix-worker' }.id");
        as(TestTokens.ADMIN).delete("/api/v1/worker-credentials/" + id).then().statusCode(204);
        assertEquals(
                401,
                as(worker)
                        .post("/api/v1/internal/trials/" + trialId + "/attempts/1/claim")
                        .statusCode());
    }

    @Test
    void anExpiredTokenIsRefused() {
        String token = Users.member("default", "ezra", "viewer");
        assertEquals(200, as(token).get("/api/v1/studies/" + study).statusCode());
        QuarkusTransaction.requiringNew()
                .run(() -> TokenEntity.update(
                        "expiresAt = ?1 where userName = ?2", Instant.now().minusSeconds(1), "ezra"));
        assertEquals(401, as(token).get("/api/v1/studies/" + study).statusCode());
    }

    @Test
    void aRevokedTokenIsRefusedAtOnce() {
        String token = Users.member("default", "rita", "viewer");
        assertEquals(200, as(token).get("/api/v1/studies/" + study).statusCode());
        String id = as(TestTokens.ADMIN)
                .get("/api/v1/projects/default/tokens")
                .jsonPath()
                .getString("find { it.user == 'rita' }.id");
        as(TestTokens.ADMIN)
                .delete("/api/v1/projects/default/tokens/" + id)
                .then()
                .statusCode(204);
        assertEquals(401, as(token).get("/api/v1/studies/" + study).statusCode());
    }

    @Test
    void removingAMemberEndsTheirAccessAtOnce() {
        String token = Users.member("default", "max", "editor");
        assertEquals(200, as(token).get("/api/v1/studies/" + study).statusCode());
        as(TestTokens.ADMIN)
                .delete("/api/v1/projects/default/members/max")
                .then()
                .statusCode(204);
        assertEquals(401, as(token).get("/api/v1/studies/" + study).statusCode());
    }

    @Test
    void theAuditLogSaysWhoDidWhat() {
        as(TestTokens.ADMIN)
                .get("/api/v1/studies/" + study + "/best-model")
                .then()
                .statusCode(200);
        var log = as(TestTokens.ADMIN)
                .get("/api/v1/projects/default/audit?limit=1000")
                .jsonPath();
        List<String> actions = log.getList("action");
        assertTrue(
                actions.containsAll(
                        List.of("study.create", "dataset.create", "member.set", "token.create", "model.download")),
                actions.toString());
        assertEquals("admin", log.getString("find { it.action == 'model.download' }.user"));
        assertEquals(403, as(viewer).get("/api/v1/projects/default/audit").statusCode());
    }
}
