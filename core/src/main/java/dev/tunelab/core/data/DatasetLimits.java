package dev.tunelab.core.data;

import dev.tunelab.core.limits.Limit;

/**
 * What one upload may hold once unpacked and parsed, checked while it is read, so refusing it costs
 * at most the limit, never the whole file. The API passes the configured values; tools and tests
 * the defaults.
 *
 * @param archiveBytes bytes a zip archive (or a gzipped IDX file) may unpack to
 * @param archiveEntries entries a zip archive may hold, folders included
 * @param imagePixels pixels (width × height) all images of a zip may have together: decoding is what
 *     costs, and a flat PNG unpacks to a thousand times its size
 * @param tableCells cells (rows × columns, the header included) a CSV may have
 */
public record DatasetLimits(Limit archiveBytes, Limit archiveEntries, Limit imagePixels, Limit tableCells) {
    public static final String ARCHIVE_BYTES = "archive-bytes";
    public static final String ARCHIVE_ENTRIES = "archive-entries";
    public static final String IMAGE_PIXELS = "image-pixels";
    public static final String TABLE_CELLS = "table-cells";

    /**
     * 1 GiB unpacked; room for an image set of a few hundred thousand files, but not for millions of
     * empty entries, each of which costs heap to list; a billion pixels (ten thousand 320x320
     * photos); ten million cells (a million rows of ten columns).
     */
    public static final DatasetLimits DEFAULT = of(1L << 30, 500_000, 1_000_000_000L, 10_000_000L);

    /**
     * No bound: for content the API has profiled under its limits already, which a worker must read
     * whatever limits the API was given.
     */
    public static final DatasetLimits NONE = of(Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE);

    public static DatasetLimits of(long archiveBytes, long archiveEntries, long imagePixels, long tableCells) {
        return new DatasetLimits(
                Limit.of(ARCHIVE_BYTES, archiveBytes),
                Limit.of(ARCHIVE_ENTRIES, archiveEntries),
                Limit.of(IMAGE_PIXELS, imagePixels),
                Limit.of(TABLE_CELLS, tableCells));
    }
}
