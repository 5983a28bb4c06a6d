package dev.tunelab.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunelab.core.messages.ArtifactEntries;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

class UploadedZipTest {
    static byte[] zip(String name, byte[] content, String other, byte[] otherContent) throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(b)) {
            z.putNextEntry(new ZipEntry(name));
            z.write(content);
            z.putNextEntry(new ZipEntry(other));
            z.write(otherContent);
        }
        return b.toByteArray();
    }

    static byte[] card(String json) throws Exception {
        return zip(ArtifactEntries.MODEL_CARD, json.getBytes(StandardCharsets.UTF_8), "model.bin", new byte[64]);
    }

    static String refusal(byte[] zip) {
        ApiProblem p = assertThrows(ApiProblem.class, () -> UploadedZip.modelCard(zip));
        assertEquals(422, p.status);
        assertEquals("$", p.errors.get(0).path());
        return p.getMessage();
    }

    @Test
    void aCardThatIsAJsonObjectIsKept() throws Exception {
        assertEquals("{\"a\": 1}", UploadedZip.modelCard(card("{\"a\": 1}")));
    }

    @Test
    void aCardThatCouldNotBeShownLaterIsRefused() throws Exception {
        // Each was stored, and GET model-card then answered 500 (or the upload itself did, for U+0000).
        refusal(card("not json"));
        refusal(card("[1, 2]"));
        refusal(card("null"));
        refusal(card("{\"a\": \"x\\u0000y\"}"));
        refusal(card("{\"a\": \"x\u0000y\"}"));
        refusal(zip(
                ArtifactEntries.MODEL_CARD, new byte[] {'{', '"', (byte) 0xff, '"', ':', '1', '}'}, "m", new byte[1]));
        refusal(card("{\"a\": " + "[".repeat(100) + "]".repeat(100) + "}"));
    }

    @Test
    void aTruncatedArchiveIsRefusedEvenWhenItsCardIsWhole() throws Exception {
        // The card comes first; the model after it was cut off, and replaced a good model.
        byte[] weights = new byte[4096];
        new Random(1).nextBytes(weights);
        byte[] whole = zip(ArtifactEntries.MODEL_CARD, "{}".getBytes(), "model.bin", weights);
        refusal(Arrays.copyOf(whole, whole.length / 2));
        // Cut right after a whole card, the stream reader sees a complete archive; the end record is gone.
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(b)) {
            z.putNextEntry(new ZipEntry(ArtifactEntries.MODEL_CARD));
            z.write("{\"a\": 1}".getBytes());
        }
        byte[] one = b.toByteArray();
        refusal(Arrays.copyOf(one, one.length / 2));
    }

    @Test
    void aCheckpointEntryIsFoundAfterTheWholeArchiveIsRead() throws Exception {
        byte[] weights = new byte[4096];
        new Random(2).nextBytes(weights);
        byte[] z = zip(ArtifactEntries.CHECKPOINT, weights, "x", new byte[1]);
        assertTrue(UploadedZip.has(z, ArtifactEntries.CHECKPOINT));
        assertFalse(UploadedZip.has(z, "nothing"));
        assertThrows(
                ApiProblem.class, () -> UploadedZip.has(new byte[] {'P', 'K', 3, 4, 1, 2}, ArtifactEntries.CHECKPOINT));
        assertThrows(ApiProblem.class, () -> UploadedZip.has(Arrays.copyOf(z, z.length / 2), "nothing"));
    }
}
