package dev.tunelab.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tunelab.core.messages.ArtifactEntries;
import dev.tunelab.core.messages.Json;
import dev.tunelab.core.study.Nesting;
import dev.tunelab.core.study.SafeText;
import dev.tunelab.core.study.Violation;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A zip a worker uploads (a model or a checkpoint), checked whole before it replaces what is
 * stored: every entry must inflate to its recorded size and checksum, so a truncated upload is
 * refused instead of overwriting a good model, and the model card must be a JSON object that can be
 * stored and read back.
 */
final class UploadedZip {
    /** More than any model TuneLab trains; a zip bomb stops here instead of spinning on. */
    static final long MAX_INFLATED = 4L << 30;

    /**
     * The card lists the validation and test rows, so it grows with the dataset; it is bounded as a
     * request body is.
     */
    static final int MAX_CARD = 256 << 20;

    /** The end of central directory record's size, comment excluded. */
    private static final int END_RECORD = 22;

    /** An end record's count when the real one is in the ZIP64 record. */
    private static final int ZIP64_COUNT = 0xFFFF;

    private UploadedZip() {}

    /** Whether the archive has the entry {@code name}; 422 when it is damaged anywhere. */
    static boolean has(byte[] zip, String name) {
        return scan(zip, name, 0) != null;
    }

    /**
     * Reads every entry to its end; returns the bytes of {@code name} when it holds at most {@code
     * keep} (an empty array when {@code keep} is 0), or null when the archive has no such entry.
     */
    private static byte[] scan(byte[] zip, String name, int keep) {
        byte[] found = null;
        long inflated = 0;
        int entries = 0;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries++;
                boolean wanted = found == null && name.equals(e.getName());
                ByteArrayOutputStream kept = new ByteArrayOutputStream();
                long n = drain(in, wanted && keep > 0 ? kept : null, keep, MAX_INFLATED - inflated);
                if (wanted && keep > 0 && n > keep)
                    throw ApiProblem.invalid("$", "the zip's " + name + " is larger than " + keep + " bytes");
                if (wanted) found = kept.toByteArray();
                inflated += n;
                if (inflated > MAX_INFLATED)
                    throw ApiProblem.invalid("$", "the zip unpacks to more than " + MAX_INFLATED + " bytes");
            }
        } catch (IOException | IllegalArgumentException e) {
            throw ApiProblem.invalid("$", "the body is not a readable zip: " + e.getMessage());
        }
        // Reading entry by entry cannot tell a whole archive from one cut off after an entry; the end
        // record, written last, can.
        int declared = declaredEntries(zip);
        if (declared < 0) throw ApiProblem.invalid("$", "the zip is incomplete: it has no end record");
        if (declared != ZIP64_COUNT && declared != entries)
            throw ApiProblem.invalid("$", "the zip lists " + declared + " entries but holds " + entries);
        return found;
    }

    /** The entry count in the archive's end record (searched for past a comment), or -1 without one. */
    static int declaredEntries(byte[] zip) {
        for (int i = zip.length - END_RECORD; i >= Math.max(0, zip.length - END_RECORD - 0xFFFF); i--) {
            if (zip[i] == 'P' && zip[i + 1] == 'K' && zip[i + 2] == 5 && zip[i + 3] == 6) {
                return (zip[i + 10] & 0xff) | (zip[i + 11] & 0xff) << 8;
            }
        }
        return -1;
    }

    /** The model card's text: a JSON object of storable text, nested no deeper than a study. */
    static String modelCard(byte[] zip) {
        byte[] bytes = scan(zip, ArtifactEntries.MODEL_CARD, MAX_CARD);
        String at = "the zip's " + ArtifactEntries.MODEL_CARD;
        if (bytes == null) throw ApiProblem.invalid("$", "the zip has no " + ArtifactEntries.MODEL_CARD + " entry");
        String text = Utf8.decode(bytes);
        if (text == null) throw ApiProblem.invalid("$", at + " is not UTF-8");
        JsonNode card;
        try {
            card = Json.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw ApiProblem.invalid("$", at + " is not JSON: " + e.getOriginalMessage());
        }
        if (card == null || !card.isObject()) throw ApiProblem.invalid("$", at + " must be a JSON object");
        List<Violation> out = new ArrayList<>();
        Nesting.check(card, "$", out);
        if (out.isEmpty()) SafeText.check(card, "$", out);
        if (!out.isEmpty()) {
            Violation v = out.get(0);
            throw ApiProblem.invalid("$", at + ", at " + v.path() + ", " + v.message());
        }
        return text;
    }

    /**
     * Reads the current entry to its end, which checks its size and checksum, keeping its first
     * {@code keep} bytes in {@code kept}; stops once past {@code budget}. The bytes it held.
     */
    private static long drain(InputStream in, ByteArrayOutputStream kept, int keep, long budget) throws IOException {
        byte[] buf = new byte[1 << 16];
        long n = 0;
        for (int r = in.read(buf); r > 0; r = in.read(buf)) {
            if (kept != null && n < keep) kept.write(buf, 0, (int) Math.min(r, keep - n));
            n += r;
            if (n > budget || (kept != null && n > keep)) break;
        }
        return n;
    }
}
