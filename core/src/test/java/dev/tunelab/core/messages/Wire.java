package dev.tunelab.core.messages;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonProcessingException;

/** Round trips through {@link Json#MAPPER}, the one mapping both sides of every contract use. */
final class Wire {
    private Wire() {}

    /**
     * Reads {@code wire} (a message as it is sent today) as {@code type} and checks that writing it
     * back gives the same text, field for field and in the same order, so a process on either side of
     * an upgrade reads what the other writes.
     */
    static <T> T roundTrip(String wire, Class<T> type) {
        T value = Json.read(wire, type);
        assertEquals(compact(wire), Json.write(value));
        return value;
    }

    /** The JSON without the whitespace a readable literal has. */
    static String compact(String json) {
        try {
            return Json.MAPPER.writeValueAsString(Json.MAPPER.readTree(json));
        } catch (JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }
}
