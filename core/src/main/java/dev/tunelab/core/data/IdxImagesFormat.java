package dev.tunelab.core.data;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Images and labels as MNIST and Fashion-MNIST ship them: two IDX files (raw or gzipped), kept as
 * uploaded in one zip with the entries {@value #IMAGES} and {@value #LABELS}. Images of {@code [N,
 * H, W]} are gray ({@code C = 1}); {@code [N, H, W, C]} have C channels. The classes are the label
 * values as text ("0" .. "9"), in numeric order.
 */
public final class IdxImagesFormat implements SampleFormat {
    public static final String IMAGES = "images.idx";
    public static final String LABELS = "labels.idx";

    /** The stored content for an IDX upload: both files as they came, in one zip. */
    public static byte[] pack(byte[] images, byte[] labels) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(IMAGES, images);
        files.put(LABELS, labels);
        return ZipContent.stored(files);
    }

    /** True when {@code content} is a zip made by {@link #pack} (or laid out as it lays them). */
    static boolean matches(byte[] content) {
        if (!ZipContent.isZip(content)) return false;
        Map<String, byte[]> files = ZipContent.files(content);
        return files.size() == 2 && files.containsKey(IMAGES) && files.containsKey(LABELS);
    }

    @Override
    public Loaded load(DatasetMeta meta, byte[] content) {
        Map<String, byte[]> files = ZipContent.files(content);
        Idx.Array images = read(files.get(IMAGES), "file", "images");
        Idx.Array labels = read(files.get(LABELS), "labels", "labels");
        int[] d = images.dims();
        if (d.length != 3 && d.length != 4) {
            throw new BadDatasetException(
                    "file",
                    "an images IDX file has 3 dimensions [N, H, W] or 4 [N, H, W, C]; this one has " + d.length);
        }
        if (labels.dims().length != 1)
            throw new BadDatasetException(
                    "labels", "a labels IDX file has 1 dimension; this one has " + labels.dims().length);
        if (labels.items() != images.items()) {
            throw new BadDatasetException(
                    "labels",
                    "the labels file has "
                            + labels.items()
                            + " labels but the images file has "
                            + images.items()
                            + " images");
        }
        int h = d[1];
        int w = d[2];
        int c = d.length == 4 ? d[3] : 1;
        ImageSize given = meta.options().imageSize();
        if (given != null && (given.width() != w || given.height() != h)) {
            throw new BadDatasetException(
                    "imageSize",
                    "IDX images are " + w + "x" + h + "; they are not resized, so imageSize must match or be left out");
        }
        if (meta.options().channels() != null && meta.options().channels() != c) {
            throw new BadDatasetException(
                    "file",
                    "the images have " + c + " channels, " + meta.options().channels() + " expected");
        }
        List<String> values = new ArrayList<>(labels.items());
        for (int i = 0; i < labels.items(); i++) values.add(Integer.toString(labels.at(i, 0)));
        if (meta.task() == dev.tunelab.core.study.Task.REGRESSION)
            throw new BadDatasetException("task", "images are for classification");
        Labels l = Labels.of(
                values, "label", dev.tunelab.core.study.Task.CLASSIFICATION, meta.classes(), i -> "label " + (i + 1));
        int size = images.itemSize();
        byte[] data = images.data();
        float[][] x = new float[images.items()][size];
        for (int i = 0; i < x.length; i++) {
            float[] v = x[i];
            int base = i * size;
            for (int k = 0; k < size; k++) v[k] = data[base + k] & 0xFF;
        }
        Samples samples = new Samples(
                DatasetKind.IMAGES,
                l.task(),
                List.of(h, w, c),
                x,
                l.classes(),
                l.classIndex(),
                null,
                List.of(w + "x" + h + " pixels, " + c + " channel(s), 0..255"),
                false);
        DatasetOptions o = meta.options().withImage(new ImageSize(w, h), c);
        return new Loaded(meta.with(l.task(), l.classes(), o), samples);
    }

    private static Idx.Array read(byte[] bytes, String field, String what) {
        if (bytes == null) throw new BadDatasetException(field, "the " + what + " IDX file is missing");
        try {
            return Idx.read(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new BadDatasetException(field, "the " + what + " file: " + e.getMessage(), e);
        }
    }
}
