package dev.tunelab.core.data;

import static dev.tunelab.core.data.DataFiles.refused;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunelab.core.messages.Json;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class ImageFoldersFormatTest {
    static final DatasetMeta IMAGES = new DatasetMeta(DatasetKind.IMAGES, null, null, null, null);

    /**
     * A w × h PNG whose pixel (x, y) has gray value (or red, with green 7 and blue 9) base + x + 10y.
     */
    static byte[] png(int w, int h, boolean gray, int base, String format) {
        BufferedImage img = new BufferedImage(w, h, gray ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int v = base + x + 10 * y;
                if (gray) img.getRaster().setSample(x, y, 0, v);
                else img.setRGB(x, y, (v << 16) | (7 << 8) | 9);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Ten gray 3 × 2 images: five "shirt", five "boot" (listed in that order, i.e. not sorted). */
    static Map<String, byte[]> tenGray(String root) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (int i = 0; i < 5; i++) files.put(root + "shirt/" + i + ".png", png(3, 2, true, i, "png"));
        for (int i = 0; i < 5; i++) files.put(root + "boot/" + i + ".png", png(3, 2, true, 100 + i, "png"));
        return files;
    }

    @Test
    void grayPngsInClassFoldersAreGrayImagesWithSortedClasses() {
        byte[] zip = ZipContent.stored(tenGray(""));
        DatasetSummary p = SampleReader.profile(IMAGES, zip);
        assertEquals(List.of("boot", "shirt"), p.meta().classes());
        assertEquals(List.of(2, 3, 1), p.shape());
        assertEquals(1, p.meta().options().channels());
        Samples s = SampleReader.read(p.meta(), zip);
        assertEquals(10, s.size());
        assertArrayEquals(new float[] {100, 101, 102, 110, 111, 112}, s.x()[0], "boot/0.png first, row by row");
        assertEquals(0, s.classIndex()[0]);
        assertEquals(1, s.classIndex()[9]);
    }

    @Test
    void oneRgbImageMakesAllRgbAndAWrappingFolderIsLookedThrough() {
        Map<String, byte[]> files = tenGray("pictures/");
        files.put("pictures/shirt/red.png", png(3, 2, false, 50, "png"));
        files.put("__MACOSX/pictures/shirt/._red.png", new byte[] {1, 2});
        files.put("pictures/.DS_Store", new byte[] {0});
        byte[] zip = ZipContent.stored(files);
        DatasetSummary p = SampleReader.profile(IMAGES, zip);
        assertEquals(List.of("boot", "shirt"), p.meta().classes());
        assertEquals(List.of(2, 3, 3), p.shape());
        Samples s = SampleReader.read(p.meta(), zip);
        assertArrayEquals(
                new float[] {100, 100, 100, 101, 101, 101},
                java.util.Arrays.copyOf(s.x()[0], 6),
                "gray pixels repeat in R, G, B");
        assertArrayEquals(
                new float[] {50, 7, 9, 51, 7, 9},
                java.util.Arrays.copyOf(s.x()[10], 6),
                "shirt/red.png sorts after shirt/4.png");
    }

    @Test
    void jpegsAreReadToo() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (int i = 0; i < 10; i++) files.put((i % 2 == 0 ? "a" : "b") + "/" + i + ".JPG", png(4, 4, true, 60, "jpg"));
        DatasetSummary p = SampleReader.profile(IMAGES, ZipContent.stored(files));
        assertEquals(List.of(4, 4, 1), p.shape());
    }

    @Test
    void mixedSizesAreRefusedNamingTheEntryUnlessImageSizeResizesThem() {
        Map<String, byte[]> files = tenGray("");
        files.put("shirt/big.png", png(6, 4, true, 0, "png"));
        byte[] zip = ZipContent.stored(files);
        var e = refused(() -> SampleReader.profile(IMAGES, zip));
        assertEquals("file", e.field());
        assertTrue(e.getMessage().contains("entry 'shirt/big.png' is 6x4 but 'boot/0.png' is 3x2"), e.getMessage());
        DatasetOptions size = new DatasetOptions(null, null, null, null, null, null, ImageSize.parse("3x2"), null);
        DatasetSummary p = SampleReader.profile(new DatasetMeta(DatasetKind.IMAGES, null, null, null, size), zip);
        assertEquals(List.of(2, 3, 1), p.shape());
        DatasetMeta stored = Json.read(Json.write(p.meta()), DatasetMeta.class);
        assertEquals(p.meta(), stored, "a worker reads the meta the API stored");
        assertEquals(11, SampleReader.read(stored, zip).size());
    }

    @Test
    void halvingAveragesEachTwoByTwoBlock() {
        float[] src = {0, 2, 4, 6, 10, 12, 14, 16};
        assertArrayEquals(new float[] {6, 10}, Pixels.resize(src, 4, 2, 1, 2, 1));
        assertArrayEquals(new float[] {5, 5, 5, 5}, Pixels.resize(new float[] {5}, 1, 1, 1, 2, 2));
    }

    @Test
    void otherBadArchivesNameTheEntry() {
        Map<String, byte[]> files = tenGray("");
        files.put("shirt/notes.txt", new byte[] {1});
        assertTrue(refused(() -> SampleReader.profile(IMAGES, ZipContent.stored(files)))
                .getMessage()
                .contains("'shirt/notes.txt' is not a PNG or JPEG"));
        files.remove("shirt/notes.txt");
        files.put("loose.png", png(3, 2, true, 0, "png"));
        assertTrue(refused(() -> SampleReader.profile(IMAGES, ZipContent.stored(files)))
                .getMessage()
                .contains("'loose.png' is not inside a class folder"));
        files.remove("loose.png");
        files.put("shirt/broken.png", new byte[] {1, 2, 3});
        assertTrue(refused(() -> SampleReader.profile(IMAGES, ZipContent.stored(files)))
                .getMessage()
                .contains("'shirt/broken.png' is not a PNG or JPEG image"));
        assertTrue(refused(() -> SampleReader.profile(IMAGES, DataFiles.utf8("a,b\n")))
                .getMessage()
                .contains("not a zip"));
        assertEquals("imageSize", refused(() -> ImageSize.parse("32by32")).field());
    }
}
