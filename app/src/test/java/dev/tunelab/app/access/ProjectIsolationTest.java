package dev.tunelab.app.access;

import static dev.tunelab.app.access.Users.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunelab.api.access.RequestRates;
import dev.tunelab.app.support.Api;
import dev.tunelab.app.support.ServersResource;
import dev.tunelab.app.support.SseClient;
import dev.tunelab.app.support.TestTokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Two teams on one TuneLab: each one's live stream carries its own project's changes only. */
@QuarkusTest
@WithTestResource(value = ServersResource.class, scope = TestResourceScope.GLOBAL)
class ProjectIsolationTest {
    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    @ConfigProperty(name = "tunelab.limits.requests-per-second")
    double configured;

    @Inject
    RequestRates rates;

    @Test
    void aStreamCarriesOnlyItsOwnProjectsChanges() throws Exception {
        String colleague = Users.member("default", "cora", "viewer");
        Users.project("isolated");
        String stranger = Users.member("isolated", "sam", "editor");
        String url = "http://127.0.0.1:" + port + "/api/v1/events";
        try (SseClient mine = new SseClient(url, null, colleague);
                SseClient theirs = new SseClient(url, null, stranger)) {
            String study =
                    Api.submit(Api.VALID_STUDY).then().statusCode(201).extract().path("id");
            mine.await(e -> e.data().contains(study), Duration.ofSeconds(30));
            assertThrows(
                    AssertionError.class, () -> theirs.await(e -> e.data().contains(study), Duration.ofSeconds(3)));
            // Their own study does reach them.
            String own = as(stranger)
                    .contentType("application/json")
                    .body(Api.VALID_STUDY)
                    .post("/api/v1/studies")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id");
            theirs.await(e -> e.data().contains(own), Duration.ofSeconds(30));
            assertThrows(AssertionError.class, () -> mine.await(e -> e.data().contains(own), Duration.ofSeconds(2)));
        }
    }

    @Test
    void aTokenSendingTooFastIsToldTheLimit() {
        String token = Users.member("default", "rapid", "viewer");
        rates.perSecond(2); // the rate, and bursts of twice that, so the test does not race the clock
        try {
            int refused = 0;
            for (int i = 0; i < 20; i++) {
                Response r = as(token).get("/api/v1/me");
                if (r.statusCode() == 429) {
                    refused++;
                    assertEquals("application/problem+json", r.contentType());
                    assertTrue(r.asString().contains("tunelab.limits.requests-per-second"), r.asString());
                    assertEquals("1", r.header("Retry-After"));
                } else {
                    assertEquals(200, r.statusCode());
                }
            }
            assertTrue(refused > 0, "20 requests at 2 a second were never slowed down");
            assertEquals(200, as(TestTokens.ADMIN).get("/api/v1/me").statusCode(), "other tokens go on");
        } finally {
            rates.perSecond(configured);
        }
    }
}
