package dev.tunelab.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonBodiesTest {
    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void oneUtf8DocumentIsRead() throws Exception {
        assertEquals(
                "é",
                JsonBodies.read(utf8("{\"a\": \"é\"}"), "application/json; charset=UTF-8", "x")
                        .get("a")
                        .asText());
        assertEquals(
                1, JsonBodies.read(utf8(" {\"a\": 1} \n"), null, "x").get("a").asInt());
    }

    @Test
    void bytesThatAreNotUtf8AreRefusedNotReplaced() {
        // Were read as U+FFFD and stored: a name "a\\uFFFDb" where the client sent other bytes.
        for (byte[] bad : new byte[][] {
            {'"', (byte) 0xff, '"'},
            {'"', (byte) 0xc0, (byte) 0x80, '"'},
            {'"', (byte) 0xed, (byte) 0xa0, (byte) 0x80, '"'}
        }) {
            ApiProblem p = assertThrows(ApiProblem.class, () -> JsonBodies.read(bad, "application/json", "x"));
            assertEquals(400, p.status);
            assertEquals("$", p.errors.get(0).path());
        }
    }

    @Test
    void trailingTextAndRepeatedFieldsAreMalformed() {
        // Both were accepted: Jackson read the first document and kept the last of two fields.
        assertThrows(JsonProcessingException.class, () -> JsonBodies.read(utf8("{\"a\": 1} garbage"), null, "x"));
        assertThrows(JsonProcessingException.class, () -> JsonBodies.read(utf8("{\"a\": 1} {}"), null, "x"));
        assertThrows(JsonProcessingException.class, () -> JsonBodies.read(utf8("{\"a\": 1, \"a\": 2}"), null, "x"));
    }

    @Test
    void anotherCharsetIsUnsupportedAndNothingIsAnEmptyBody() {
        assertEquals(
                415,
                assertThrows(
                                ApiProblem.class,
                                () -> JsonBodies.read(utf8("{}"), "application/json; charset=UTF-16", "x"))
                        .status);
        assertEquals(
                415,
                assertThrows(ApiProblem.class, () -> JsonBodies.read(utf8("{}"), "application/json; charset=\"", "x"))
                        .status);
        assertEquals(422, assertThrows(ApiProblem.class, () -> JsonBodies.read(new byte[0], null, "x")).status);
        assertEquals(422, assertThrows(ApiProblem.class, () -> JsonBodies.read(utf8(" \n"), null, "x")).status);
    }
}
