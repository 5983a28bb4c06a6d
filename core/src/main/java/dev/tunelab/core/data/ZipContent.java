package dev.tunelab.core.data;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Zip archives held in memory: the files of an upload, bounded so a zip bomb cannot fill the heap.
 */
final class ZipContent {
    /** Unpacked bytes one archive may hold. */
    static final long MAX_UNPACKED = 1L << 30;

    /**
     * Entries one archive may hold, folders included: room for an image set of a few hundred
     * thousand files, but not for millions of empty entries, each of which costs heap to list.
     */
    static final int MAX_ENTRIES = 500_000;

    private ZipContent() {}

    static boolean isZip(byte[] content) {
        return content.length >= 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4;
    }

    /** Every file (not folder) in archive order, by its path in the archive. */
    static Map<String, byte[]> files(byte[] zip) {
        return files(zip, MAX_UNPACKED, MAX_ENTRIES);
    }

    /** {@link #files(byte[])} within other limits. */
    static Map<String, byte[]> files(byte[] zip, long maxUnpacked, int maxEntries) {
        if (!isZip(zip)) throw new BadDatasetException("file", "not a zip archive");
        Map<String, byte[]> files = new LinkedHashMap<>();
        long total = 0;
        int entries = 0;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (++entries > maxEntries) {
                    throw new BadDatasetException(
                            "file", "the zip archive holds more than " + maxEntries + " entries (the limit)");
                }
                if (e.isDirectory()) continue;
                byte[] bytes = readBounded(in, maxUnpacked, maxUnpacked - total, e.getName());
                total += bytes.length;
                files.put(e.getName(), bytes);
            }
        } catch (ZipException e) {
            throw new BadDatasetException("file", "the zip archive is damaged: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new BadDatasetException("file", "the zip archive cannot be read: " + e.getMessage(), e);
        }
        if (files.isEmpty()) throw new BadDatasetException("file", "the zip archive holds no files");
        return files;
    }

    private static byte[] readBounded(InputStream in, long limit, long budget, String name) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[1 << 16];
        long n = 0;
        for (int r = in.read(buf); r > 0; r = in.read(buf)) {
            n += r;
            if (n > budget)
                throw new BadDatasetException(
                        "file", "the zip archive unpacks to more than " + limit + " bytes (at '" + name + "')");
            out.write(buf, 0, r);
        }
        return out.toByteArray();
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
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
