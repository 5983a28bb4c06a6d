package dev.tunelab.core.data;

import dev.tunelab.core.study.Task;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.imageio.ImageIO;

/**
 * A zip of PNG or JPEG files in one folder per class ({@code cat/001.png}, {@code dog/7.jpg}); the
 * folder names, sorted, are the classes. A single folder around them all (as zipping a folder
 * makes) is looked through. Every image must have one size unless {@code imageSize} is given, then
 * each is resized to it (bilinear). Samples are gray ({@code C = 1}) when every image is stored as
 * gray, RGB ({@code C = 3}) otherwise; alpha is dropped.
 */
final class ImageFoldersFormat implements SampleFormat {
    /** Pixels (times channels) all images together may have, about 2 GB of floats. */
    static final long MAX_VALUES = 500_000_000L;

    private record Image(String entry, String label, BufferedImage pixels) {}

    @Override
    public Loaded load(DatasetMeta meta, byte[] content) {
        if (meta.task() == Task.REGRESSION) throw new BadDatasetException("task", "images are for classification");
        List<Image> images = decode(imageEntries(ZipContent.files(content)));
        ImageSize size = meta.options().imageSize();
        if (size == null) {
            BufferedImage first = images.get(0).pixels();
            size = new ImageSize(first.getWidth(), first.getHeight());
            for (Image im : images) {
                if (im.pixels().getWidth() != size.width() || im.pixels().getHeight() != size.height()) {
                    throw new BadDatasetException(
                            "file",
                            "entry '"
                                    + im.entry()
                                    + "' is "
                                    + im.pixels().getWidth()
                                    + "x"
                                    + im.pixels().getHeight()
                                    + " but '"
                                    + images.get(0).entry()
                                    + "' is "
                                    + size
                                    + "; give imageSize (e.g. '"
                                    + size
                                    + "') to resize them all");
                }
            }
        }
        int channels = meta.options().channels() != null
                ? meta.options().channels()
                : images.stream().allMatch(im -> Pixels.isGray(im.pixels())) ? 1 : 3;
        if ((long) images.size() * size.width() * size.height() * channels > MAX_VALUES) {
            throw new BadDatasetException(
                    "file", images.size() + " images of " + size + " are too many values; give a smaller imageSize");
        }
        List<String> labelValues = new ArrayList<>();
        for (Image im : images) labelValues.add(im.label());
        Labels labels = Labels.of(
                labelValues,
                "folder",
                Task.CLASSIFICATION,
                meta.classes(),
                i -> "entry '" + images.get(i).entry() + "'");
        float[][] x = new float[images.size()][];
        for (int i = 0; i < x.length; i++) x[i] = Pixels.of(images.get(i).pixels(), size, channels);
        Samples samples = new Samples(
                DatasetKind.IMAGES,
                Task.CLASSIFICATION,
                List.of(size.height(), size.width(), channels),
                x,
                labels.classes(),
                labels.classIndex(),
                null,
                List.of(size + " pixels, " + channels + " channel(s), 0..255"),
                false);
        return new Loaded(
                meta.with(Task.CLASSIFICATION, labels.classes(), meta.options().withImage(size, channels)), samples);
    }

    /** Image entries by class folder, sorted by path; the archive's own order is not meaningful. */
    static Map<String, byte[]> imageEntries(Map<String, byte[]> files) {
        Map<String, byte[]> kept = new TreeMap<>();
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            if (!isNoise(f.getKey())) kept.put(f.getKey(), f.getValue());
        }
        if (kept.isEmpty()) throw new BadDatasetException("file", "the zip archive holds no images");
        String root = commonRoot(kept.keySet());
        Map<String, byte[]> byPath = new TreeMap<>();
        for (Map.Entry<String, byte[]> f : kept.entrySet()) {
            String name = f.getKey();
            String path = name.substring(root.length());
            String lower = name.toLowerCase(Locale.ROOT);
            if (!(lower.endsWith(".png") || lower.endsWith(".jpg") || lower.endsWith(".jpeg"))) {
                throw new BadDatasetException(
                        "file", "entry '" + name + "' is not a PNG or JPEG file (.png, .jpg, .jpeg)");
            }
            if (path.split("/", -1).length != 2) {
                throw new BadDatasetException(
                        "file",
                        "entry '"
                                + name
                                + "' is not inside a class folder: images go in one folder per class, e.g. 'cat/1.png'");
            }
            byPath.put(path, f.getValue());
        }
        return byPath;
    }

    /** macOS resource forks and hidden files (".DS_Store") come along when users zip folders. */
    private static boolean isNoise(String name) {
        for (String part : name.split("/")) {
            if (part.startsWith(".") || part.equals("__MACOSX")) return true;
        }
        return false;
    }

    /**
     * "data/" when every entry is under "data/cls/...", so a zipped parent folder is not taken for a
     * class.
     */
    private static String commonRoot(Iterable<String> names) {
        String root = null;
        for (String n : names) {
            String[] parts = n.split("/", -1);
            if (parts.length < 3) return "";
            if (root == null) root = parts[0];
            else if (!root.equals(parts[0])) return "";
        }
        return root == null ? "" : root + "/";
    }

    private static List<Image> decode(Map<String, byte[]> entries) {
        List<Image> out = new ArrayList<>();
        for (Map.Entry<String, byte[]> e : entries.entrySet()) {
            BufferedImage img;
            try {
                img = ImageIO.read(new ByteArrayInputStream(e.getValue()));
            } catch (IOException | RuntimeException ex) {
                throw new BadDatasetException(
                        "file", "entry '" + e.getKey() + "' cannot be read as an image: " + ex.getMessage(), ex);
            }
            if (img == null)
                throw new BadDatasetException("file", "entry '" + e.getKey() + "' is not a PNG or JPEG image");
            out.add(new Image(e.getKey(), e.getKey().substring(0, e.getKey().indexOf('/')), img));
        }
        return out;
    }
}
