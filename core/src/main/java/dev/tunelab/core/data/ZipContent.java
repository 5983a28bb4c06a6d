package dev.tunelab.core.data;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Zip archives read as a stream, one entry at a time: entries and unpacked bytes are counted while
 * they are read, so a zip bomb is refused at the limit with no more than a buffer of it in the heap.
 * Nothing is written to disk, and names that would climb out of a folder (zip slip) are refused.
 */
final class ZipContent {
    private ZipContent() {}

    /** What a format does with one file of an archive; the stream ends where the file does. */
    interface FileVisitor {
        void file(String name, InputStream content) throws IOException;
    }

    static boolean isZip(byte[] content) {
        return content.length >= 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4;
    }

    /** The name of the first entry, read from its local header alone; null when there is none. */
    static String firstName(byte[] zip) {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry e = in.getNextEntry();
            return e == null ? null : e.getName();
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * Hands every file (not folder) to {@code visitor} in archive order. What the visitor leaves
     * unread is read through too, and counted, so an entry cannot hide a bomb behind a small image.
     *
     * @throws LimitExceededException past {@code limits.archiveEntries()} or {@code archiveBytes()}
     * @throws BadDatasetException for a damaged archive, an unsafe name or one without files
     */
    static void forEach(byte[] zip, DatasetLimits limits, FileVisitor visitor) {
        if (!isZip(zip)) throw new BadDatasetException("file", "not a zip archive");
        UnpackBudget unpacked = new UnpackBudget(limits.archiveBytes(), "the zip archive");
        long entries = 0;
        int files = 0;
        byte[] rest = new byte[1 << 16];
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (limits.archiveEntries().exceededBy(++entries)) {
                    throw new LimitExceededException(
                            "file",
                            "the zip archive holds more than "
                                    + limits.archiveEntries().value() + " entries",
                            limits.archiveEntries());
                }
                checkName(e.getName());
                InputStream content = unpacked.watch(in);
                if (!e.isDirectory()) {
                    files++;
                    visit(visitor, e.getName(), content, unpacked);
                }
                while (content.read(rest) > 0) {
                    // A folder with data, or what a decoder did not need: counted, then dropped.
                }
            }
        } catch (ZipException | IllegalArgumentException e) {
            if (e instanceof BadDatasetException bad) throw bad;
            throw new BadDatasetException("file", "the zip archive is damaged: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new BadDatasetException("file", "the zip archive cannot be read: " + e.getMessage(), e);
        }
        if (files == 0) throw new BadDatasetException("file", "the zip archive holds no files");
    }

    private static void visit(FileVisitor visitor, String name, InputStream content, UnpackBudget unpacked)
            throws IOException {
        try {
            visitor.file(name, content);
        } catch (IOException | RuntimeException e) {
            unpacked.rethrowIfExceeded();
            throw e;
        }
    }

    /**
     * Names are only ever labels here, but one that is absolute or climbs with ".." would be written
     * outside its folder by any tool that unpacks the stored archive (zip slip): refused.
     */
    private static void checkName(String name) {
        boolean unsafe = name.startsWith("/") || name.contains("\\") || name.matches("^[A-Za-z]:.*");
        for (String part : name.split("/", -1)) unsafe |= part.equals("..");
        if (unsafe) {
            throw new BadDatasetException(
                    "file", "entry '" + name + "' has an unsafe name: absolute, with a backslash or with '..'");
        }
    }

    /**
     * {@link #stored(Map)} of files on disk, made in an array of exactly its size (a dry run counts
     * it), so an upload is in the heap once rather than three times over a growing buffer.
     */
    static byte[] storedFiles(Map<String, Path> files) throws IOException {
        Map<String, Long> crcs = new LinkedHashMap<>();
        for (Map.Entry<String, Path> f : files.entrySet()) {
            CRC32 crc = new CRC32();
            try (InputStream in = Files.newInputStream(f.getValue())) {
                byte[] buf = new byte[1 << 16];
                for (int n = in.read(buf); n > 0; n = in.read(buf)) crc.update(buf, 0, n);
            }
            crcs.put(f.getKey(), crc.getValue());
        }
        long[] size = {0};
        OutputStream counter = new OutputStream() {
            @Override
            public void write(int b) {
                size[0]++;
            }

            @Override
            public void write(byte[] b, int off, int len) {
                size[0] += len;
            }
        };
        writeStored(files, crcs, counter);
        if (size[0] > Integer.MAX_VALUE - 8) throw new IOException("the files are too large to store together");
        byte[] zip = new byte[(int) size[0]];
        int[] at = {0};
        writeStored(files, crcs, new OutputStream() {
            @Override
            public void write(int b) {
                zip[at[0]++] = (byte) b;
            }

            @Override
            public void write(byte[] b, int off, int len) {
                System.arraycopy(b, off, zip, at[0], len);
                at[0] += len;
            }
        });
        return zip;
    }

    private static void writeStored(Map<String, Path> files, Map<String, Long> crcs, OutputStream target)
            throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(target)) {
            for (Map.Entry<String, Path> f : files.entrySet()) {
                ZipEntry e = new ZipEntry(f.getKey());
                long length = Files.size(f.getValue());
                e.setMethod(ZipEntry.STORED);
                e.setSize(length);
                e.setCompressedSize(length);
                e.setCrc(crcs.get(f.getKey()));
                // A fixed time: the dry run and the real one must write the same bytes.
                e.setTime(0);
                zip.putNextEntry(e);
                Files.copy(f.getValue(), zip);
                zip.closeEntry();
            }
        }
    }

    /** A zip of {@code files} stored without compression: they are usually gzipped already. */
    static byte[] stored(Map<String, byte[]> files) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                ZipEntry e = new ZipEntry(f.getKey());
                CRC32 crc = new CRC32();
                crc.update(f.getValue());
                e.setMethod(ZipEntry.STORED);
                e.setSize(f.getValue().length);
                e.setCompressedSize(f.getValue().length);
                e.setCrc(crc.getValue());
                zip.putNextEntry(e);
                zip.write(f.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
