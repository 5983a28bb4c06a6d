package dev.tunelab.app.hostile;

import static io.restassured.RestAssured.given;

import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Requests through RestAssured's {@code given()}, so its default specification (credentials, once
 * the API asks for them) applies. Paths are sent as written: callers percent-encode what they mean.
 */
final class Send {
    private static final RestAssuredConfig AS_IS = RestAssuredConfig.config()
            .encoderConfig(EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false));

    private Send() {}

    private static RequestSpecification req() {
        return given().config(AS_IS).urlEncodingEnabled(false);
    }

    static Answer request(String method, String path) {
        return Answer.of(req().request(method, path));
    }

    static Answer get(String path) {
        return request("GET", path);
    }

    static Answer body(String method, String path, String contentType, byte[] body) {
        RequestSpecification r = req().body(body);
        if (contentType != null) r = r.contentType(contentType);
        return Answer.of(r.request(method, path));
    }

    static Answer json(String method, String path, String json) {
        return body(method, path, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    /** An event stream is never done: only its status line and headers are read. */
    static Answer stream(String path, String lastEventId) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Accept", "text/event-stream");
        if (lastEventId != null) h.put("Last-Event-ID", lastEventId);
        return HostileHttp.send("GET", path, h, null, true);
    }
}
