package dev.tunelab.app.hostile;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tunelab.app.support.ServersResource;
import dev.tunelab.core.messages.Json;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Hostile input never gets a 5xx and never changes stored data. A corpus of several hundred
 * requests over the whole REST API, each either refused with a 4xx problem+json or, where the input
 * is in fact valid, answered 2xx; before and after, the stored studies, datasets, trials and model
 * must read the same byte for byte. The oversized bodies and bombs run last.
 */
@QuarkusTest
@WithTestResource(value = ServersResource.class, scope = TestResourceScope.GLOBAL)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileInputTest {
    private static final Path TARGET = Path.of("target");
    private static Fixture fixture;
    private static StoredState before;
    private static final Set<String> createdStudies = new TreeSet<>();
    private static final Set<String> createdDatasets = new TreeSet<>();

    @Inject
    EntityManager em;

    @Test
    @Order(1)
    void barrage() throws Exception {
        fixture = Fixture.create();
        before = StoredState.settled(em, fixture);
        Tally tally = new Tally();
        for (List<HostileCase> group : List.of(
                StudyBodyCases.all(),
                TextCases.all(),
                PathCases.all(fixture),
                QueryCases.all(fixture),
                ProtocolCases.all(fixture),
                UploadCases.all(fixture),
                InternalCases.all(fixture))) {
            for (HostileCase c : group) track(tally.run(c));
        }
        System.out.println(tally.report());
        assertTrue(tally.cases() >= 300, "the corpus has at least 300 cases: " + tally.cases());
        assertUnchanged();
        assertEquals(List.of(), tally.failures(), tally.report());
    }

    @Test
    @Order(2)
    void limitsAndBombs() throws Exception {
        Tally tally = new Tally();
        for (HostileCase c : LimitCases.all(TARGET)) track(tally.run(c));
        System.out.println(tally.report());
        assertUnchanged();
        assertEquals(List.of(), tally.failures(), tally.report());
    }

    /** A created study is cancelled at once (it only had to be accepted), and remembered. */
    private static void track(Answer a) {
        if (a.status() != 201) return;
        try {
            JsonNode body = Json.MAPPER.readTree(a.body());
            String url = body.path("url").asText();
            if (url.startsWith("/api/v1/studies/")) {
                createdStudies.add(body.path("id").asText());
                given().post(url + "/cancel");
            } else if (url.startsWith("/api/v1/datasets/")) {
                createdDatasets.add(body.path("id").asText());
            }
        } catch (IOException e) {
            throw new AssertionError("a 201 without a JSON body: " + a.excerpt(), e);
        }
    }

    /** Stored data as before, the server still answering, and nothing stored but what was accepted. */
    private void assertUnchanged() {
        given().get("/api/v1/studies").then().statusCode(200);
        StoredState after = StoredState.capture(em, fixture);
        assertEquals(java.util.Map.of(), after.changedFrom(before), "hostile input changed stored data");
        Set<String> studies = new TreeSet<>(before.studyIds());
        studies.addAll(createdStudies);
        assertEquals(studies, after.studyIds(), "only accepted studies were added");
        Set<String> datasets = new TreeSet<>(before.datasetIds());
        datasets.addAll(createdDatasets);
        assertEquals(datasets, after.datasetIds(), "only accepted datasets were added");
    }
}
