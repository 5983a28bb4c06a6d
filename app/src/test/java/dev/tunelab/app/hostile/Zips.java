package dev.tunelab.app.hostile;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;

/** Small archives and images built in memory for upload cases. */
final class Zips {
    private Zips() {}

    static byte[] of(String name, byte[] content) {
        Map<String, byte[]> m = new LinkedHashMap<>();
        m.put(name, content);
        return of(m);
    }

    static byte[] of(Map<String, byte[]> entries) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(b)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return b.toByteArray();
    }

    /** Two classes of two 4x4 images each, under {@code prefix} (a folder path or ""). */
    static Map<String, byte[]> twoClasses(String prefix) {
        Map<String, byte[]> m = new LinkedHashMap<>();
        for (String cls : new String[] {"cat", "dog"}) {
            for (int i = 0; i < 2; i++) m.put(prefix + cls + "/" + i + ".png", png(4, 4));
        }
        return m;
    }

    static byte[] png(int width, int height) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", b);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return b.toByteArray();
    }

    /**
     * Two classes of one image, the first named {@code cat/<rawName>.png} with {@code rawName}'s
     * bytes as they are (not UTF-8, say): written with a placeholder name of the same length, which is
     * then overwritten in the local and central headers.
     */
    static byte[] withRawName(byte[] rawName) {
        String placeholder = "@".repeat(rawName.length);
        byte[] zip = of(Map.of("cat/" + placeholder + ".png", png(4, 4), "dog/0.png", png(4, 4)));
        byte[] p = placeholder.getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i + p.length <= zip.length; i++) {
            boolean match = true;
            for (int k = 0; k < p.length && match; k++) match = zip[i + k] == p[k];
            if (match) System.arraycopy(rawName, 0, zip, i, rawName.length);
        }
        return zip;
    }

    static byte[] gzip(byte[] content) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (GZIPOutputStream g = new GZIPOutputStream(b)) {
            g.write(content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return b.toByteArray();
    }

    /** An IDX header: magic (type, rank), then each dimension; {@code data} follows. */
    static byte[] idx(int type, int[] dims, byte[] data) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(0);
        b.write(0);
        b.write(type);
        b.write(dims.length);
        for (int d : dims) {
            b.write(d >>> 24);
            b.write(d >>> 16);
            b.write(d >>> 8);
            b.write(d);
        }
        b.writeBytes(data);
        return b.toByteArray();
    }
}
