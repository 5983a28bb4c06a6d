package dev.tunelab.app.hostile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * A zip of ten 1 GiB entries of zero bytes (10 GiB unpacked) in about 10 MB: one entry is deflated
 * once and its compressed bytes written ten times, headers by hand, so making it costs one pass
 * over 1 GiB. Written under target/ once and reused.
 */
final class ZipBomb {
    static final int ENTRIES = 10;
    static final long ENTRY_SIZE = 1L << 30;

    private ZipBomb() {}

    static synchronized Path file(Path target) {
        Path p = target.resolve("hostile/zip-bomb-10gib.zip");
        try {
            if (!Files.exists(p)) {
                Files.createDirectories(p.getParent());
                Path tmp = p.resolveSibling("zip-bomb.tmp");
                Files.write(tmp, build());
                Files.move(tmp, p);
            }
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] build() throws IOException {
        byte[] zeros = new byte[1 << 20];
        CRC32 crc = new CRC32();
        Deflater d = new Deflater(Deflater.BEST_COMPRESSION, true);
        ByteArrayOutputStream deflated = new ByteArrayOutputStream();
        byte[] buf = new byte[1 << 16];
        for (long left = ENTRY_SIZE; left > 0; left -= zeros.length) {
            crc.update(zeros);
            d.setInput(zeros);
            while (!d.needsInput()) deflated.write(buf, 0, d.deflate(buf));
        }
        d.finish();
        while (!d.finished()) deflated.write(buf, 0, d.deflate(buf));
        d.end();
        byte[] data = deflated.toByteArray();

        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        ByteArrayOutputStream central = new ByteArrayOutputStream();
        for (int i = 0; i < ENTRIES; i++) {
            byte[] name = ((i % 2 == 0 ? "cat/" : "dog/") + i + ".png").getBytes(StandardCharsets.US_ASCII);
            int offset = zip.size();
            header(zip, 0x04034b50, false, name, crc.getValue(), data.length, 0);
            zip.write(data);
            header(central, 0x02014b50, true, name, crc.getValue(), data.length, offset);
        }
        int cdOffset = zip.size();
        zip.write(central.toByteArray());
        ByteBuffer end = ByteBuffer.allocate(22).order(ByteOrder.LITTLE_ENDIAN);
        end.putInt(0x06054b50).putShort((short) 0).putShort((short) 0);
        end.putShort((short) ENTRIES).putShort((short) ENTRIES);
        end.putInt(central.size()).putInt(cdOffset).putShort((short) 0);
        zip.write(end.array());
        return zip.toByteArray();
    }

    /** A local file header, or a central directory one, for a deflated entry. */
    private static void header(
            OutputStream out, int signature, boolean central, byte[] name, long crc, int compressed, int offset)
            throws IOException {
        ByteBuffer h = ByteBuffer.allocate(central ? 46 : 30).order(ByteOrder.LITTLE_ENDIAN);
        h.putInt(signature);
        if (central) h.putShort((short) 20);
        h.putShort((short) 20).putShort((short) 0).putShort((short) 8).putInt(0);
        h.putInt((int) crc).putInt(compressed).putInt((int) ENTRY_SIZE);
        h.putShort((short) name.length).putShort((short) 0);
        if (central)
            h.putShort((short) 0)
                    .putShort((short) 0)
                    .putShort((short) 0)
                    .putInt(0)
                    .putInt(offset);
        out.write(h.array());
        out.write(name);
    }
}
