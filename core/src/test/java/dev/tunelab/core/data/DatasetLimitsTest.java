package dev.tunelab.core.data;

import static dev.tunelab.core.data.DataFiles.gzip;
import static dev.tunelab.core.data.DataFiles.idxImages;
import static dev.tunelab.core.data.DataFiles.idxLabels;
import static dev.tunelab.core.data.DataFiles.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Every dataset limit with small bounds: refused while reading, naming the limit and its value. */
class DatasetLimitsTest {
    static final DatasetMeta IMAGES = new DatasetMeta(DatasetKind.IMAGES, null, null, null, null);

    private static DatasetLimits limits(long archiveBytes, long pixels, long cells) {
        return DatasetLimits.of(archiveBytes, 100, pixels, cells);
    }

    private static LimitExceededException over(Executable what) {
        return assertThrows(LimitExceededException.class, what);
    }

    /** A gzipped IDX header that declares {@code dims} but carries a single byte of data. */
    private static byte[] idxClaiming(int type, int... dims) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DataOutputStream d = new DataOutputStream(new GZIPOutputStream(out))) {
            d.writeInt(0x0800 | type);
            for (int n : dims) d.writeInt(n);
            d.writeByte(0);
        }
        return out.toByteArray();
    }

    @Test
    void anIdxFileIsWeighedByItsHeaderBeforeAnyPixelIsInflated() throws IOException {
        // 10^9 pixels declared in a few dozen bytes: refused from the header alone.
        byte[] content = IdxImagesFormat.pack(idxClaiming(3, 100_000, 100, 100), gzip(idxLabels(1, 2)));
        LimitExceededException e = over(() -> SampleReader.profile(IMAGES, content, limits(1 << 20, 1 << 20, 100)));
        assertEquals("file", e.field());
        assertEquals(
                "the images IDX file unpacks to more than 1048576 bytes (limit tunelab.limits.archive-bytes)",
                e.getMessage());
        byte[] labels = IdxImagesFormat.pack(gzip(idxImages(12, 2, 3)), idxClaiming(1, 5_000_000));
        assertEquals(
                "labels",
                over(() -> SampleReader.profile(IMAGES, labels, limits(1 << 20, 1 << 20, 100)))
                        .field());
        assertEquals(
                12,
                SampleReader.profile(
                                IMAGES,
                                IdxImagesFormat.pack(
                                        idxImages(12, 2, 3), idxLabels(3, 0, 1, 2, 3, 0, 1, 2, 3, 0, 1, 9)))
                        .rows());
    }

    @Test
    void aCsvIsRefusedAtItsCellLimitEvenOnOneLine() {
        DatasetMeta table = DatasetMeta.table("y", null);
        byte[] fits = rows("x,y", 49, i -> i + "," + (i % 2)); // 50 rows of 2 cells
        assertEquals(
                49, SampleReader.profile(table, fits, limits(1 << 20, 1, 100)).rows());
        byte[] big = rows("x,y", 50, i -> i + "," + (i % 2));
        LimitExceededException e = over(() -> SampleReader.profile(table, big, limits(1 << 20, 1, 100)));
        assertEquals(
                "the CSV has more than 100 cells (rows × columns) (limit tunelab.limits.table-cells)", e.getMessage());
        byte[] wide = DataFiles.utf8(",".repeat(1_000_000));
        assertEquals(
                "file",
                over(() -> SampleReader.profile(table, wide, limits(1 << 20, 1, 100)))
                        .field());
        for (DatasetKind kind : DatasetKind.values()) {
            if (kind == DatasetKind.IMAGES) continue;
            DatasetOptions window = new DatasetOptions(null, null, null, null, 2, null, null, null);
            DatasetMeta m = new DatasetMeta(kind, null, "y", null, kind == DatasetKind.TIMESERIES ? window : null);
            over(() -> SampleReader.profile(m, big, limits(1 << 20, 1, 100)));
        }
    }

    @Test
    void cellsAreCountedOnTheBytesFirstNeverMoreThanTheParseFinds() {
        dev.tunelab.core.limits.Limit none = DatasetLimits.NONE.tableCells();
        assertEquals(6, Csv.cellsAtLeast(DataFiles.utf8("a,b\r\n\"1,5\",\"say \"\"hi\"\"\"\n\n  \n3,4"), none));
        // U+3000 is blank to Java: a line of it is skipped by the parse and not counted here either.
        assertEquals(4, Csv.cellsAtLeast(DataFiles.utf8("a,b\n\u3000\n\u00e9,1\n"), none));
        // A non-ASCII byte alone says nothing, a comma does: both lines count as the parse counts them.
        assertEquals(4, Csv.cellsAtLeast(DataFiles.utf8("a,b\n\u3000,\u3000\n"), none));
    }

    @Test
    void imagesAreRefusedPastTheirPixelsInAll() {
        byte[] zip = ZipContent.stored(ImageFoldersFormatTest.tenGray("")); // 10 images of 3x2
        assertEquals(
                10, SampleReader.profile(IMAGES, zip, limits(1 << 20, 60, 100)).rows());
        LimitExceededException e = over(() -> SampleReader.profile(IMAGES, zip, limits(1 << 20, 59, 100)));
        assertEquals("the images have more than 59 pixels in all (limit tunelab.limits.image-pixels)", e.getMessage());
    }

    /** A black gray PNG: a few bytes per thousand pixels. */
    private static byte[] blackPng(int side) throws IOException {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(side, side, BufferedImage.TYPE_BYTE_GRAY), "png", png);
        return png.toByteArray();
    }

    @Test
    void anImageIsWeighedByItsHeaderBeforeItIsDecoded() throws IOException {
        // 25 MB of pixels in about 25 KB of PNG: refused from its header.
        Map<String, byte[]> files = ImageFoldersFormatTest.tenGray("");
        files.put("boot/huge.png", blackPng(5000));
        BadDatasetException e =
                assertThrows(BadDatasetException.class, () -> SampleReader.profile(IMAGES, ZipContent.stored(files)));
        assertTrue(e.getMessage().contains("'boot/huge.png' is 5000x5000; images are read up to 4096"), e.getMessage());
        files.put("boot/huge.png", blackPng(2000));
        LimitExceededException over =
                over(() -> SampleReader.profile(IMAGES, ZipContent.stored(files), limits(1 << 20, 1_000_000, 100)));
        assertEquals("tunelab.limits.image-pixels", over.limit().name());
    }

    @Test
    void aZipBombOfImagesIsRefusedAtTheArchiveLimit() throws IOException {
        // Valid PNGs trailed by 16 MiB of zeros each: the decoder stops early, the rest is counted.
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (String name : new String[] {"cats/1.png", "dogs/1.png"}) {
                zip.putNextEntry(new ZipEntry(name));
                zip.write(blackPng(8));
                for (int i = 0; i < 16; i++) zip.write(new byte[1 << 20]);
                zip.closeEntry();
            }
        }
        LimitExceededException e =
                over(() -> SampleReader.profile(IMAGES, out.toByteArray(), limits(4L << 20, 1 << 20, 100)));
        assertEquals("tunelab.limits.archive-bytes", e.limit().name());
        assertEquals(4L << 20, e.limit().value());
        byte[] zeros = ZipContentTest.zerosZip(16L << 20, "cats/1.png", "dogs/1.png");
        assertTrue(assertThrows(BadDatasetException.class, () -> SampleReader.profile(IMAGES, zeros))
                .getMessage()
                .contains("'cats/1.png' is not a PNG or JPEG image"));
    }
}
