package dev.tunelab.core.data;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.IntFunction;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.function.Executable;

/** Small files for the reader tests, written the way users' tools write them. */
final class DataFiles {
    private DataFiles() {}

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] rows(String header, int n, IntFunction<String> row) {
        StringBuilder b = new StringBuilder(header).append('\n');
        for (int i = 0; i < n; i++) b.append(row.apply(i)).append('\n');
        return utf8(b.toString());
    }

    /** {@code n} images of {@code h × w} with pixel k of image i = (i + k) % 256, as an IDX file. */
    static byte[] idxImages(int n, int h, int w) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DataOutputStream d = new DataOutputStream(out)) {
            d.writeInt(0x00000803);
            d.writeInt(n);
            d.writeInt(h);
            d.writeInt(w);
            for (int i = 0; i < n; i++) {
                for (int k = 0; k < h * w; k++) d.writeByte((i + k) % 256);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] idxLabels(int... labels) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DataOutputStream d = new DataOutputStream(out)) {
            d.writeInt(0x00000801);
            d.writeInt(labels.length);
            for (int l : labels) d.writeByte(l);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static BadDatasetException refused(Executable what) {
        return assertThrows(BadDatasetException.class, what);
    }
}
