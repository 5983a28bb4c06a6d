package dev.tunelab.app.ui;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.tunelab.app.support.ServersResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The leaderboard page and the operational endpoints are served by the one application. */
@QuarkusTest
@WithTestResource(value = ServersResource.class, scope = TestResourceScope.GLOBAL)
class WebUiTest {

    @Test
    void leaderboardPageAndItsScriptAreServed() {
        String html = given().get("/")
                .then()
                .statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("TuneLab"))
                .extract()
                .asString();
        Matcher script = Pattern.compile("src=\"(/assets/[^\"]+\\.js)\"").matcher(html);
        org.junit.jupiter.api.Assertions.assertTrue(script.find(), "the page loads its script");
        given().get(script.group(1)).then().statusCode(200).body(containsString("/api/v1/studies"));
    }

    @Test
    void readinessCoversPostgresAndKafka() {
        given().get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'kafka' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'Database connections health check' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'Database connections health check' }.data.'<default>'", equalTo("UP"));
    }

    @Test
    void openApiIsPublished() {
        given().get("/q/openapi?format=json").then().statusCode(200).body(containsString("/api/v1/studies"));
    }
}
