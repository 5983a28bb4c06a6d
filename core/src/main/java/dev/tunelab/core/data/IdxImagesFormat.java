package dev.tunelab.core.data;

import dev.tunelab.core.study.Task;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Images and labels as MNIST and Fashion-MNIST ship them: two IDX files (raw or gzipped), kept as
 * uploaded in one zip with the entries {@value #IMAGES} and {@value #LABELS}. Images of {@code [N,
 * H, W]} are gray ({@code C = 1}); {@code [N, H, W, C]} have C channels. The classes are the label
 * values as text ("0" .. "9"), in numeric order.
 *
 * <p>Both files are streamed: each header is weighed against the archive limit before any element
 * is inflated, a profile keeps no pixel and only which label values occur, and a read turns each
 * image into floats as it arrives.
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

    /** {@link #pack(byte[], byte[])} of the files as uploaded, read into the heap once. */
    public static byte[] pack(Path images, Path labels) throws IOException {
        Map<String, Path> files = new LinkedHashMap<>();
        files.put(IMAGES, images);
        files.put(LABELS, labels);
        return ZipContent.storedFiles(files);
    }

    /**
     * True when {@code content} is laid out as {@link #pack} lays it, told from the first entry's name
     * alone: listing every entry would inflate a bomb twice.
     */
    static boolean matches(byte[] content) {
        String first = ZipContent.isZip(content) ? ZipContent.firstName(content) : null;
        return IMAGES.equals(first) || LABELS.equals(first);
    }

    @Override
    public Loaded load(DatasetMeta meta, byte[] content, DatasetLimits limits) {
        Scan s = scan(meta, content, limits, true);
        Labels l = Labels.of(s.labelValues(), "label", Task.CLASSIFICATION, meta.classes(), i -> "label " + (i + 1));
        Samples samples = new Samples(
                DatasetKind.IMAGES,
                l.task(),
                s.shape(),
                s.pixels,
                l.classes(),
                l.classIndex(),
                null,
                List.of(s.width + "x" + s.height + " pixels, " + s.channels + " channel(s), 0..255"),
                false);
        return new Loaded(s.complete(meta, l), samples);
    }

    @Override
    public Profile profile(DatasetMeta meta, byte[] content, DatasetLimits limits) {
        Scan s = scan(meta, content, limits, false);
        // Labels.of over each value once, in order of first appearance, names the first label that is
        // not a class just as a pass over every label would.
        List<String> distinct = new ArrayList<>();
        List<Integer> firstAt = new ArrayList<>();
        for (int i : s.firstIndexOrder()) {
            distinct.add(Integer.toString(i));
            firstAt.add(s.firstIndex[i]);
        }
        Labels l = Labels.of(distinct, "label", Task.CLASSIFICATION, meta.classes(), k -> "label " + firstAt.get(k));
        return new Profile(s.complete(meta, l), s.shape(), s.items);
    }

    private static Scan scan(DatasetMeta meta, byte[] content, DatasetLimits limits, boolean keep) {
        if (meta.task() == Task.REGRESSION) throw new BadDatasetException("task", "images are for classification");
        Scan s = new Scan(meta, limits, keep);
        ZipContent.forEach(content, limits, (name, in) -> {
            switch (name) {
                case IMAGES -> s.images(in);
                case LABELS -> s.labels(in);
                default ->
                    throw new BadDatasetException(
                            "file", "an IDX upload holds " + IMAGES + " and " + LABELS + " only, not '" + name + "'");
            }
        });
        if (s.items < 0) throw new BadDatasetException("file", "the images IDX file is missing");
        if (s.labelCount < 0) throw new BadDatasetException("labels", "the labels IDX file is missing");
        if (s.labelCount != s.items) {
            throw new BadDatasetException(
                    "labels",
                    "the labels file has " + s.labelCount + " labels but the images file has " + s.items + " images");
        }
        return s;
    }

    /** What one pass over the two files found; pixels and every label only when kept. */
    private static final class Scan {
        final DatasetMeta meta;
        final DatasetLimits limits;
        final boolean keep;
        int items = -1;
        int width;
        int height;
        int channels;
        float[][] pixels;
        int labelCount = -1;
        byte[] labels;
        /** 1 + the index where each label value first occurs, 0 when it does not. */
        final int[] firstIndex = new int[256];

        Scan(DatasetMeta meta, DatasetLimits limits, boolean keep) {
            this.meta = meta;
            this.limits = limits;
            this.keep = keep;
        }

        void images(InputStream in) throws IOException {
            Idx.Reader r = open(in, "file", "images");
            int[] d = r.dims();
            if (d.length != 3 && d.length != 4) {
                throw new BadDatasetException(
                        "file",
                        "an images IDX file has 3 dimensions [N, H, W] or 4 [N, H, W, C]; this one has " + d.length);
            }
            height = d[1];
            width = d[2];
            channels = d.length == 4 ? d[3] : 1;
            checkOptions();
            items = r.items();
            int size = r.itemSize();
            try {
                if (!keep) {
                    r.readRest();
                    return;
                }
                pixels = new float[items][];
                byte[] item = new byte[size];
                for (int i = 0; i < items; i++) {
                    r.readFully(item, size);
                    float[] v = new float[size];
                    for (int k = 0; k < size; k++) v[k] = item[k] & 0xFF;
                    pixels[i] = v;
                }
            } catch (IOException e) {
                throw new BadDatasetException("file", "the images file: " + e.getMessage(), e);
            }
        }

        void labels(InputStream in) throws IOException {
            Idx.Reader r = open(in, "labels", "labels");
            if (r.dims().length != 1)
                throw new BadDatasetException(
                        "labels", "a labels IDX file has 1 dimension; this one has " + r.dims().length);
            labelCount = r.items();
            if (keep) labels = new byte[labelCount];
            byte[] buf = new byte[1 << 16];
            try {
                for (int at = 0; at < labelCount; ) {
                    int n = Math.min(buf.length, labelCount - at);
                    r.readFully(buf, n);
                    for (int k = 0; k < n; k++) {
                        int v = buf[k] & 0xFF;
                        if (firstIndex[v] == 0) firstIndex[v] = at + k + 1;
                    }
                    if (keep) System.arraycopy(buf, 0, labels, at, n);
                    at += n;
                }
            } catch (IOException e) {
                throw new BadDatasetException("labels", "the labels file: " + e.getMessage(), e);
            }
        }

        /** The header, with its declared size weighed against the limit before any element is read. */
        private Idx.Reader open(InputStream in, String field, String what) {
            Idx.Reader r;
            try {
                r = Idx.open(in);
            } catch (IOException e) {
                throw new BadDatasetException(field, "the " + what + " file: " + e.getMessage(), e);
            }
            if (limits.archiveBytes().exceededBy(r.elements())) {
                throw new LimitExceededException(
                        field,
                        "the " + what + " IDX file unpacks to more than "
                                + limits.archiveBytes().value() + " bytes",
                        limits.archiveBytes());
            }
            if (r.elements() > Idx.MAX_ELEMENTS)
                throw new BadDatasetException(field, "the " + what + " IDX file is too large");
            return r;
        }

        private void checkOptions() {
            ImageSize given = meta.options().imageSize();
            if (given != null && (given.width() != width || given.height() != height)) {
                throw new BadDatasetException(
                        "imageSize",
                        "IDX images are " + width + "x" + height
                                + "; they are not resized, so imageSize must match or be left out");
            }
            if (meta.options().channels() != null && meta.options().channels() != channels) {
                throw new BadDatasetException(
                        "file",
                        "the images have " + channels + " channels, "
                                + meta.options().channels() + " expected");
            }
        }

        List<Integer> shape() {
            return List.of(height, width, channels);
        }

        /** The label values that occur, in order of first occurrence. */
        List<Integer> firstIndexOrder() {
            List<Integer> values = new ArrayList<>();
            for (int v = 0; v < 256; v++) if (firstIndex[v] > 0) values.add(v);
            values.sort((a, b) -> Integer.compare(firstIndex[a], firstIndex[b]));
            return values;
        }

        /** Every label as text, made one at a time as {@link Labels} asks for it. */
        List<String> labelValues() {
            return new AbstractList<>() {
                @Override
                public String get(int i) {
                    return Integer.toString(labels[i] & 0xFF);
                }

                @Override
                public int size() {
                    return labels.length;
                }
            };
        }

        DatasetMeta complete(DatasetMeta m, Labels l) {
            return m.with(l.task(), l.classes(), m.options().withImage(new ImageSize(width, height), channels));
        }
    }
}
