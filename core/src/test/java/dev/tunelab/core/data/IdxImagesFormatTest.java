package dev.tunelab.core.data;

import static dev.tunelab.core.data.DataFiles.gzip;
import static dev.tunelab.core.data.DataFiles.idxImages;
import static dev.tunelab.core.data.DataFiles.idxLabels;
import static dev.tunelab.core.data.DataFiles.refused;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunelab.core.study.Task;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxImagesFormatTest {
    static final int[] LABELS = {3, 0, 1, 2, 3, 0, 1, 2, 3, 0, 1, 9};

    static DatasetMeta images() {
        return new DatasetMeta(DatasetKind.IMAGES, null, null, null, null);
    }

    @Test
    void gzippedOrRawFilesGiveGrayImagesChannelsLast() {
        for (boolean zipped : new boolean[] {true, false}) {
            byte[] img = idxImages(12, 2, 3);
            byte[] lab = idxLabels(LABELS);
            byte[] content = IdxImagesFormat.pack(zipped ? gzip(img) : img, zipped ? gzip(lab) : lab);
            DatasetSummary p = SampleReader.profile(images(), content);
            assertEquals(List.of(2, 3, 1), p.shape());
            assertEquals(12, p.rows());
            assertEquals(Task.CLASSIFICATION, p.meta().task());
            assertEquals(List.of("0", "1", "2", "3", "9"), p.meta().classes(), "label values in numeric order");
            assertEquals(new ImageSize(3, 2), p.meta().options().imageSize());
            Samples s = SampleReader.read(p.meta(), content);
            assertArrayEquals(new float[] {5, 6, 7, 8, 9, 10}, s.x()[5]);
            assertEquals(4, s.classIndex()[11], "label 9 is the fifth class");
            assertEquals(DatasetKind.IMAGES, p.facts().kind());
            assertEquals(5, p.facts().numClasses());
        }
    }

    @Test
    void filesOnDiskArePackedAsTheirBytesAre(@TempDir Path dir) throws IOException {
        Path images = Files.write(dir.resolve("images.gz"), gzip(idxImages(12, 2, 3)));
        Path labels = Files.write(dir.resolve("labels"), idxLabels(LABELS));
        byte[] packed = IdxImagesFormat.pack(images, labels);
        DatasetSummary p = SampleReader.profile(images(), packed);
        assertEquals(12, p.rows());
        assertArrayEquals(
                SampleReader.read(
                                p.meta(), IdxImagesFormat.pack(Files.readAllBytes(images), Files.readAllBytes(labels)))
                        .x()[7],
                SampleReader.read(p.meta(), packed).x()[7]);
    }

    @Test
    void pixelsAbove127StayPositive() {
        byte[] content = IdxImagesFormat.pack(idxImages(300, 1, 1), idxLabels(new int[300]));
        Samples s = SampleReader.read(
                new DatasetMeta(DatasetKind.IMAGES, Task.CLASSIFICATION, null, List.of("0", "1"), null), content);
        assertEquals(255f, s.x()[255][0]);
    }

    @Test
    void badFilesNameTheFieldAndTheProblem() {
        byte[] truncated = Arrays.copyOf(idxImages(12, 2, 3), 40);
        var e = refused(() -> SampleReader.profile(images(), IdxImagesFormat.pack(truncated, idxLabels(LABELS))));
        assertEquals("file", e.field());
        assertTrue(e.getMessage().contains("ends before its 72 elements"), e.getMessage());
        byte[] truncatedGzip = Arrays.copyOf(gzip(idxImages(12, 2, 3)), 30);
        e = refused(() -> SampleReader.profile(images(), IdxImagesFormat.pack(truncatedGzip, idxLabels(LABELS))));
        assertEquals("file", e.field());
        e = refused(() -> SampleReader.profile(images(), IdxImagesFormat.pack(idxImages(12, 2, 3), idxLabels(1, 2))));
        assertEquals("labels", e.field());
        assertTrue(e.getMessage().contains("2 labels but the images file has 12 images"), e.getMessage());
        e = refused(() -> SampleReader.profile(images(), IdxImagesFormat.pack(idxImages(12, 2, 3), new byte[] {1, 2})));
        assertEquals("labels", e.field());
        assertTrue(e.getMessage().contains("ends inside its header"), e.getMessage());
        e = refused(() -> SampleReader.profile(images(), IdxImagesFormat.pack(idxLabels(LABELS), idxLabels(LABELS))));
        assertTrue(e.getMessage().contains("3 dimensions"), e.getMessage());
    }

    @Test
    void aTestSetKeepsTheTrainingClassesEvenWhenSomeAreMissing() {
        DatasetMeta training = SampleReader.profile(
                        images(), IdxImagesFormat.pack(idxImages(12, 2, 3), idxLabels(LABELS)))
                .meta();
        Samples test = SampleReader.read(training, IdxImagesFormat.pack(idxImages(2, 2, 3), idxLabels(9, 9)));
        assertArrayEquals(new int[] {4, 4}, test.classIndex());
        var e = refused(() -> SampleReader.read(training, IdxImagesFormat.pack(idxImages(2, 2, 3), idxLabels(9, 7))));
        assertTrue(e.getMessage().contains("label 2: label '7' is not one of the classes"), e.getMessage());
        e = refused(() -> SampleReader.read(training, IdxImagesFormat.pack(idxImages(2, 3, 3), idxLabels(9, 9))));
        assertEquals("imageSize", e.field());
    }
}
