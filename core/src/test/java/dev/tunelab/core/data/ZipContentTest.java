package dev.tunelab.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

class ZipContentTest {
    /** A deflated entry of zeros: about a thousandth of its size in the archive. */
    private static byte[] zerosZip(long size) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("zeros.bin"));
            byte[] block = new byte[1 << 20];
            for (long written = 0; written < size; written += block.length) zip.write(block);
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    @Test
    void aBombIsRefusedWhileItUnpacksNotAfter() throws IOException {
        // 64 MiB of zeros in about 64 KiB; the limit here is 8 MiB, the real one 1 GiB.
        byte[] bomb = zerosZip(64L << 20);
        BadDatasetException e = assertThrows(BadDatasetException.class, () -> ZipContent.files(bomb, 8L << 20, 10));
        assertEquals("file", e.field());
        assertEquals("the zip archive unpacks to more than 8388608 bytes (at 'zeros.bin')", e.getMessage());
    }

    @Test
    void anArchiveOfTooManyEntriesIsRefusedNamingTheLimit() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (int i = 0; i <= 100; i++) {
                zip.putNextEntry(new ZipEntry("d" + i + "/"));
                zip.closeEntry();
            }
        }
        BadDatasetException e =
                assertThrows(BadDatasetException.class, () -> ZipContent.files(out.toByteArray(), 1 << 20, 100));
        assertEquals("the zip archive holds more than 100 entries (the limit)", e.getMessage());
    }
}
