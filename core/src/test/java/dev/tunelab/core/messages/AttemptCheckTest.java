package dev.tunelab.core.messages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

class AttemptCheckTest {
    @Test
    void readsAndWritesTheAnswerAsTheApiSendsIt() {
        assertEquals(
                new AttemptCheck(true, "RUNNING", 2),
                Wire.roundTrip("{\"run\": true, \"status\": \"RUNNING\", \"attempt\": 2}", AttemptCheck.class));
    }

    @Test
    void fieldOrderDoesNotMatterAsTheApiOnceWroteThemInAnyOrder() {
        assertEquals(
                new AttemptCheck(false, "CANCELLED", 3),
                Json.read("{\"attempt\": 3, \"status\": \"CANCELLED\", \"run\": false}", AttemptCheck.class));
    }

    @Test
    void anAnswerWithoutRunMeansDoNotRun() {
        // Workers read a missing "run" as false before this type existed; they still do.
        assertFalse(Json.read("{\"status\": \"RUNNING\", \"attempt\": 1}", AttemptCheck.class)
                .run());
    }
}
