package dev.tunelab.worker.training;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tunelab.core.messages.ArtifactEntries;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;

/**
 * Core spells DL4J's entry names without DL4J; they must stay DL4J's, or its restore methods miss
 * them.
 */
class ModelZipEntriesTest {
    @Test
    void theNormalizerEntryIsTheOneModelSerializerReads() {
        assertEquals(ModelSerializer.NORMALIZER_BIN, ArtifactEntries.NORMALIZER);
    }
}
