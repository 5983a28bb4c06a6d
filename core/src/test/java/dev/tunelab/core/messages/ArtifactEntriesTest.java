package dev.tunelab.core.messages;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Saved models and checkpoints outlive releases: their entry names never change. */
class ArtifactEntriesTest {
    @Test
    void theEntriesKeepTheirNames() {
        assertEquals("modelcard.json", ArtifactEntries.MODEL_CARD);
        assertEquals("checkpoint.json", ArtifactEntries.CHECKPOINT);
        assertEquals("normalizer.bin", ArtifactEntries.NORMALIZER);
    }
}
