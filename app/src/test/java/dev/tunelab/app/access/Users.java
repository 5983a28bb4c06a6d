package dev.tunelab.app.access;

import static io.restassured.RestAssured.given;

import dev.tunelab.app.support.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** People of the access stories, each signing in with a token a project admin gave them. */
final class Users {
    private Users() {}

    /** A request signed in with {@code token} (the admin's by default, none with {@code null}). */
    static RequestSpecification as(String token) {
        return given().header("Authorization", token == null ? TestTokens.ANONYMOUS : TestTokens.bearer(token));
    }

    static void project(String id) {
        int status = as(TestTokens.ADMIN)
                .contentType(ContentType.JSON)
                .body("{\"id\": \"" + id + "\", \"name\": \"" + id + "\"}")
                .post("/api/v1/projects")
                .statusCode();
        if (status != 201 && status != 409) throw new IllegalStateException("project " + id + ": " + status);
    }

    /** Makes {@code user} a member of {@code project} with {@code role}; answers a token bound there. */
    static String member(String project, String user, String role) {
        as(TestTokens.ADMIN)
                .contentType(ContentType.JSON)
                .body("{\"role\": \"" + role + "\"}")
                .put("/api/v1/projects/" + project + "/members/" + user)
                .then()
                .statusCode(200);
        return as(TestTokens.ADMIN)
                .contentType(ContentType.JSON)
                .body("{\"user\": \"" + user + "\", \"name\": \"test\", \"expiresInDays\": 1}")
                .post("/api/v1/projects/" + project + "/tokens")
                .then()
                .statusCode(201)
                .extract()
                .path("token");
    }
}
