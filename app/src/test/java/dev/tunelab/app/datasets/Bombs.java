package dev.tunelab.app.datasets;

import dev.tunelab.app.support.TestTokens;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;

/** Hostile archives for the limit stories, made in a second or two. */
final class Bombs {
    private Bombs() {}

    /** A w × h gray PNG, all black. */
    static byte[] png(int w, int h) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY), "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * A zip of {@code entries} class images, each a small real PNG followed by {@code zeros} zero
     * bytes: the decoder reads the PNG and stops, the rest must still be counted. The entry's deflate
     * stream is made once and written for every entry, so gigabytes take a second.
     */
    static byte[] zipOfImages(int entries, long zeros) {
        byte[] png = png(8, 8);
        Deflater d = new Deflater(9, true);
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        byte[] out = new byte[1 << 16];
        byte[] block = new byte[1 << 20];
        CRC32 crc = new CRC32();
        crc.update(png);
        d.setInput(png);
        drain(d, data, out);
        for (long left = zeros; left > 0; left -= block.length) {
            int n = (int) Math.min(left, block.length);
            crc.update(block, 0, n);
            d.setInput(block, 0, n);
            drain(d, data, out);
        }
        d.finish();
        while (!d.finished()) data.write(out, 0, d.deflate(out));
        d.end();
        long size = png.length + zeros;
        if (size >= 0xFFFFFFFFL) throw new IllegalArgumentException("no zip64 here: keep entries under 4 GiB");
        return zip(entries, data.toByteArray(), crc.getValue(), size);
    }

    private static void drain(Deflater d, ByteArrayOutputStream data, byte[] out) {
        while (!d.needsInput()) data.write(out, 0, d.deflate(out));
    }

    /** Local headers, the shared data, a central directory: the zip format's few fixed fields. */
    private static byte[] zip(int entries, byte[] data, long crc, long size) {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        ByteArrayOutputStream central = new ByteArrayOutputStream();
        for (int i = 0; i < entries; i++) {
            byte[] name = ("bomb/class" + (i % 2) + "/" + i + ".png").getBytes(StandardCharsets.UTF_8);
            int offset = zip.size();
            ByteBuffer local = ByteBuffer.allocate(30).order(ByteOrder.LITTLE_ENDIAN);
            local.putInt(0x04034b50).putShort((short) 20).putShort((short) 0).putShort((short) Deflater.DEFLATED);
            local.putShort((short) 0)
                    .putShort((short) 0x21)
                    .putInt((int) crc)
                    .putInt(data.length)
                    .putInt((int) size);
            local.putShort((short) name.length).putShort((short) 0);
            zip.writeBytes(local.array());
            zip.writeBytes(name);
            zip.writeBytes(data);
            ByteBuffer dir = ByteBuffer.allocate(46).order(ByteOrder.LITTLE_ENDIAN);
            dir.putInt(0x02014b50).putShort((short) 20).putShort((short) 20).putShort((short) 0);
            dir.putShort((short) Deflater.DEFLATED)
                    .putShort((short) 0)
                    .putShort((short) 0x21)
                    .putInt((int) crc);
            dir.putInt(data.length)
                    .putInt((int) size)
                    .putShort((short) name.length)
                    .putShort((short) 0);
            dir.putShort((short) 0)
                    .putShort((short) 0)
                    .putShort((short) 0)
                    .putInt(0)
                    .putInt(offset);
            central.writeBytes(dir.array());
            central.writeBytes(name);
        }
        int start = zip.size();
        zip.writeBytes(central.toByteArray());
        ByteBuffer end = ByteBuffer.allocate(22).order(ByteOrder.LITTLE_ENDIAN);
        end.putInt(0x06054b50).putShort((short) 0).putShort((short) 0);
        end.putShort((short) entries)
                .putShort((short) entries)
                .putInt(central.size())
                .putInt(start)
                .putShort((short) 0);
        zip.writeBytes(end.array());
        return zip.toByteArray();
    }

    /** A multipart POST of one file and text fields, built by hand so the client copies it once. */
    static HttpRequest multipart(URI uri, String fileName, byte[] file, String... fields) {
        String boundary = "tunelab-" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream(file.length + 1024);
        for (int i = 0; i < fields.length; i += 2) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fields[i] + "\"\r\n\r\n"
                            + fields[i + 1] + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                        + "\"\r\nContent-Type: application/zip\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(uri)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Authorization", TestTokens.bearer(TestTokens.ADMIN))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build();
    }

    /** A zip of {@code n} empty folders. */
    static byte[] folders(int n) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (int i = 0; i < n; i++) {
                zip.putNextEntry(new ZipEntry("d" + i + "/"));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A stored zip of {@code n} gray w × h PNGs in two class folders. */
    static byte[] images(int n, int w, int h) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (int i = 0; i < n; i++) {
                zip.putNextEntry(new ZipEntry((i % 2 == 0 ? "cat/" : "dog/") + i + ".png"));
                zip.write(png(w, h));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
