package dev.tunelab.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunelab.core.limits.Limit;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

class ZipContentTest {
    /** Small bounds: 8 MiB unpacked, 100 entries. */
    static final DatasetLimits SMALL = DatasetLimits.of(8L << 20, 100, 1_000_000, 1_000);

    /** Deflated entries of zeros: each about a thousandth of its size in the archive. */
    static byte[] zerosZip(long size, String... names) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (String name : names) {
                zip.putNextEntry(new ZipEntry(name));
                byte[] block = new byte[1 << 20];
                for (long written = 0; written < size; written += block.length) zip.write(block);
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private static long[] readAll(byte[] zip, DatasetLimits limits) {
        long[] read = {0};
        ZipContent.forEach(
                zip, limits, (name, in) -> read[0] += in.transferTo(java.io.OutputStream.nullOutputStream()));
        return read;
    }

    @Test
    void aBombIsRefusedWhileItUnpacksNamingTheLimit() throws IOException {
        // 64 MiB of zeros in about 64 KiB; the limit here is 8 MiB, the real one 1 GiB.
        byte[] bomb = zerosZip(64L << 20, "zeros.bin");
        LimitExceededException e = assertThrows(LimitExceededException.class, () -> readAll(bomb, SMALL));
        assertEquals("file", e.field());
        assertEquals(
                "the zip archive unpacks to more than 8388608 bytes (limit tunelab.limits.archive-bytes)",
                e.getMessage());
        assertEquals(new Limit("tunelab.limits.archive-bytes", 8L << 20), e.limit());
    }

    @Test
    void theLimitCountsAllEntriesTogether() throws IOException {
        byte[] zip = zerosZip(3L << 20, "a", "b", "c");
        assertThrows(LimitExceededException.class, () -> readAll(zip, SMALL));
        assertEquals(9L << 20, readAll(zip, DatasetLimits.DEFAULT)[0]);
    }

    @Test
    void whatAVisitorLeavesUnreadIsCountedToo() throws IOException {
        // A decoder that stops after a small header must not let the rest inflate unbounded.
        byte[] bomb = zerosZip(64L << 20, "a.png");
        List<String> seen = new ArrayList<>();
        assertThrows(
                LimitExceededException.class,
                () -> ZipContent.forEach(bomb, SMALL, (name, in) -> seen.add(name + in.read())));
        assertEquals(List.of("a.png0"), seen);
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
        LimitExceededException e = assertThrows(LimitExceededException.class, () -> readAll(out.toByteArray(), SMALL));
        assertEquals(
                "the zip archive holds more than 100 entries (limit tunelab.limits.archive-entries)", e.getMessage());
    }

    @Test
    void namesThatClimbOutOfTheirFolderAreRefused() throws IOException {
        for (String name : List.of("../../etc/passwd", "/etc/passwd", "a/../../b.png", "a\\..\\b.png", "C:/x.png")) {
            byte[] zip = zerosZip(1, name);
            BadDatasetException e = assertThrows(BadDatasetException.class, () -> readAll(zip, SMALL), name);
            assertTrue(e.getMessage().contains("unsafe name"), e.getMessage());
        }
    }

    @Test
    void damagedOrEmptyArchivesAreRefused() throws IOException {
        byte[] zip = zerosZip(1 << 20, "a.bin");
        byte[] cut = java.util.Arrays.copyOf(zip, zip.length / 2);
        assertTrue(assertThrows(BadDatasetException.class, () -> readAll(cut, SMALL))
                .getMessage()
                .startsWith("the zip archive"));
        assertEquals(
                "not a zip archive",
                assertThrows(BadDatasetException.class, () -> readAll(new byte[] {1, 2, 3}, SMALL))
                        .getMessage());
    }
}
