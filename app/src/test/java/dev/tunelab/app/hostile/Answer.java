package dev.tunelab.app.hostile;

import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;

/** What the server answered to one hostile request: status, content type and (the start of) the body. */
record Answer(int status, String contentType, byte[] body) {
    static Answer of(Response r) {
        return new Answer(r.statusCode(), r.contentType(), r.asByteArray());
    }

    String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The body for a report line: one line, at most 300 characters. */
    String excerpt() {
        String t = text().replaceAll("\\s+", " ");
        return t.length() > 300 ? t.substring(0, 300) + "..." : t;
    }
}
