package dev.tunelab.app.live;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunelab.app.support.ServersResource;
import dev.tunelab.app.support.SseClient;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The live stream the pages follow: a change to a trial reaches a listening browser, and a browser
 * that reconnects with the last id it saw first gets what it missed, or a reset when that is too
 * much to replay.
 */
@QuarkusTest
@WithTestResource(value = ServersResource.class, scope = TestResourceScope.GLOBAL)
class LiveEventsTest {
    static final Duration WAIT = Duration.ofSeconds(10);

    @Inject
    DataSource db;

    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    private String events(String study) {
        return "http://127.0.0.1:" + port + "/api/v1/events" + (study == null ? "" : "?study=" + study);
    }

    @Test
    void aTrialChangeReachesTheStreamAndAMissedOneIsReplayed() throws Exception {
        String study = LiveLeaderboardTest.SeededStudy.create(db, "live events");
        LiveLeaderboardTest.SeededStudy.trials(db, study, 10, new Random(3));
        String lastSeen;
        try (SseClient sse = new SseClient(events(study), null)) {
            lastSeen = sse.await(e -> e.name().equals("hello"), WAIT).id();
            LiveLeaderboardTest.SeededStudy.exec(
                    db, "update trial set epochs_done = 42 where number = 4 and study_id = ?::uuid", study);
            // The stream may first repeat the rows seeded a moment ago; what matters is that this change
            // arrives.
            SseClient.Event e =
                    sse.await(x -> x.name().equals("trial") && x.data().contains("\"epochsDone\":42"), WAIT);
            assertTrue(e.data().contains("\"number\":4,"), e.data());
            assertTrue(Long.parseLong(e.id()) > Long.parseLong(lastSeen));
            lastSeen = e.id();
        }
        // Gone for a while: two trials change, then the page comes back with the last id it saw.
        LiveLeaderboardTest.SeededStudy.exec(
                db, "update trial set epochs_done = 43 where number in (5, 6) and study_id = ?::uuid", study);
        try (SseClient sse = new SseClient(events(study), lastSeen)) {
            Set<String> replayed = new HashSet<>();
            while (replayed.size() < 2) {
                SseClient.Event e =
                        sse.await(x -> x.name().equals("trial") && x.data().contains("\"epochsDone\":43"), WAIT);
                replayed.add(e.data().replaceAll(".*\"number\":(\\d+).*", "$1"));
            }
            assertEquals(Set.of("5", "6"), replayed);
        }
    }

    @Test
    void tooMuchMissedMeansReset() throws Exception {
        String study = LiveLeaderboardTest.SeededStudy.create(db, "live reset");
        LiveLeaderboardTest.SeededStudy.trials(db, study, 600, new Random(4));
        String lastSeen;
        try (SseClient sse = new SseClient(events(study), null)) {
            lastSeen = sse.await(e -> e.name().equals("hello"), WAIT).id();
        }
        LiveLeaderboardTest.SeededStudy.exec(
                db, "update trial set epochs_done = epochs_done + 1 where study_id = ?::uuid", study);
        try (SseClient sse = new SseClient(events(study), lastSeen)) {
            sse.await(e -> e.name().equals("reset"), WAIT);
        }
    }

    @Test
    void theStudiesPageHearsOfEveryStudy() throws Exception {
        try (SseClient sse = new SseClient(events(null), null)) {
            sse.await(e -> e.name().equals("hello"), WAIT);
            String study = LiveLeaderboardTest.SeededStudy.create(db, "heard of");
            sse.await(e -> e.name().equals("study") && e.data().contains(study), WAIT);
        }
    }

    @Test
    void aBadStudyIdIsRefused() {
        given().get("/api/v1/events?study=nope").then().statusCode(422).body("errors[0].path", equalTo("$.study"));
    }
}
