package dev.tunelab.core.data;

import dev.tunelab.core.study.Task;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * A zip of PNG or JPEG files in one folder per class ({@code cat/001.png}, {@code dog/7.jpg}); the
 * folder names, sorted, are the classes. A single folder around them all (as zipping a folder
 * makes) is looked through. Every image must have one size unless {@code imageSize} is given, then
 * each is resized to it (bilinear). Samples are gray ({@code C = 1}) when every image is stored as
 * gray, RGB ({@code C = 3}) otherwise; alpha is dropped.
 *
 * <p>Images are decoded one at a time as the archive streams by: a profile keeps each one's name,
 * size and colour only, a read its values at the final size; never the archive or all the decoded
 * images at once. Each image's size is read from its header, and weighed, before it is decoded.
 */
final class ImageFoldersFormat implements SampleFormat {
    /** Pixels (times channels) all images together may have, about 2 GB of floats. */
    static final long MAX_VALUES = 500_000_000L;

    /**
     * One image entry as the pass found it.
     *
     * @param values the pixels at the final size and channels; null in a profile
     */
    private record Image(String entry, int width, int height, boolean gray, float[] values) {}

    /** The images sorted by path (the archive's own order is not meaningful), and their classes. */
    private record Layout(List<Image> images, List<String> labels) {}

    @Override
    public Profile profile(DatasetMeta meta, byte[] content, DatasetLimits limits) {
        if (meta.task() == Task.REGRESSION) throw new BadDatasetException("task", "images are for classification");
        Layout layout = layout(scan(content, limits, null, 0));
        ImageSize size = meta.options().imageSize() != null ? meta.options().imageSize() : commonSize(layout.images());
        int channels = meta.options().channels() != null
                ? meta.options().channels()
                : layout.images().stream().allMatch(Image::gray) ? 1 : 3;
        if ((long) layout.images().size() * size.width() * size.height() * channels > MAX_VALUES) {
            throw new BadDatasetException(
                    "file",
                    layout.images().size() + " images of " + size + " are too many values; give a smaller imageSize");
        }
        Labels labels = labels(meta, layout);
        return new Profile(
                complete(meta, labels, size, channels),
                shape(size, channels),
                layout.images().size());
    }

    @Override
    public Loaded load(DatasetMeta meta, byte[] content, DatasetLimits limits) {
        if (meta.options().imageSize() == null || meta.options().channels() == null) {
            // Not profiled yet: one pass finds the size and channels, the next decodes to them.
            meta = profile(meta, content, limits).meta();
        }
        ImageSize size = meta.options().imageSize();
        int channels = meta.options().channels();
        Layout layout = layout(scan(content, limits, size, channels));
        Labels labels = labels(meta, layout);
        float[][] x = new float[layout.images().size()][];
        for (int i = 0; i < x.length; i++) x[i] = layout.images().get(i).values();
        Samples samples = new Samples(
                DatasetKind.IMAGES,
                Task.CLASSIFICATION,
                shape(size, channels),
                x,
                labels.classes(),
                labels.classIndex(),
                null,
                List.of(size + " pixels, " + channels + " channel(s), 0..255"),
                false);
        return new Loaded(complete(meta, labels, size, channels), samples);
    }

    private static List<Integer> shape(ImageSize size, int channels) {
        return List.of(size.height(), size.width(), channels);
    }

    private static DatasetMeta complete(DatasetMeta meta, Labels labels, ImageSize size, int channels) {
        return meta.with(Task.CLASSIFICATION, labels.classes(), meta.options().withImage(size, channels));
    }

    private static Labels labels(DatasetMeta meta, Layout layout) {
        return Labels.of(
                layout.labels(),
                "folder",
                Task.CLASSIFICATION,
                meta.classes(),
                i -> "entry '" + layout.images().get(i).entry() + "'");
    }

    /** The size every image has; without imageSize a different one is refused, naming both. */
    private static ImageSize commonSize(List<Image> images) {
        Image first = images.get(0);
        for (Image im : images) {
            if (im.width() != first.width() || im.height() != first.height()) {
                String size = first.width() + "x" + first.height();
                throw new BadDatasetException(
                        "file",
                        "entry '" + im.entry() + "' is " + im.width() + "x" + im.height() + " but '" + first.entry()
                                + "' is " + size + "; give imageSize (e.g. '" + size + "') to resize them all");
            }
        }
        return new ImageSize(first.width(), first.height());
    }

    /**
     * Decodes each image entry as it streams by.
     *
     * @param size the size to keep values at, or null to keep none (a profile)
     */
    private static Map<String, Image> scan(byte[] content, DatasetLimits limits, ImageSize size, int channels) {
        Map<String, Image> images = new TreeMap<>();
        long[] pixels = {0};
        ZipContent.forEach(content, limits, (name, in) -> {
            if (isNoise(name)) return;
            String lower = name.toLowerCase(Locale.ROOT);
            if (!(lower.endsWith(".png") || lower.endsWith(".jpg") || lower.endsWith(".jpeg"))) {
                throw new BadDatasetException(
                        "file", "entry '" + name + "' is not a PNG or JPEG file (.png, .jpg, .jpeg)");
            }
            images.put(name, decode(name, in, limits, pixels, size, channels));
        });
        if (images.isEmpty()) throw new BadDatasetException("file", "the zip archive holds no images");
        return images;
    }

    /** The images by class folder, each checked to sit in one; the classes are the folder names. */
    private static Layout layout(Map<String, Image> byName) {
        String root = commonRoot(byName.keySet());
        Map<String, Image> byPath = new TreeMap<>();
        for (Image im : byName.values()) {
            String path = im.entry().substring(root.length());
            if (path.split("/", -1).length != 2) {
                throw new BadDatasetException(
                        "file",
                        "entry '" + im.entry()
                                + "' is not inside a class folder: images go in one folder per class, e.g. 'cat/1.png'");
            }
            byPath.put(path, im);
        }
        List<Image> images = new ArrayList<>(byPath.values());
        List<String> labels = new ArrayList<>(images.size());
        for (String path : byPath.keySet()) labels.add(path.substring(0, path.indexOf('/')));
        return new Layout(images, labels);
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

    /**
     * One image: its size is read from the header and weighed (each side, and the pixels of all
     * images so far against the limit) before it is decoded, so a small file that claims a huge
     * image costs nothing.
     */
    private static Image decode(
            String name, InputStream in, DatasetLimits limits, long[] pixels, ImageSize size, int channels) {
        try (ImageInputStream iis = ImageIO.createImageInputStream(in)) {
            Iterator<ImageReader> readers = iis == null ? null : ImageIO.getImageReaders(iis);
            if (readers == null || !readers.hasNext())
                throw new BadDatasetException("file", "entry '" + name + "' is not a PNG or JPEG image");
            ImageReader reader = readers.next();
            try {
                reader.setInput(iis, true, true);
                int w = reader.getWidth(0);
                int h = reader.getHeight(0);
                if (w > ImageSize.MAX_SIDE || h > ImageSize.MAX_SIDE) {
                    throw new BadDatasetException(
                            "file",
                            "entry '" + name + "' is " + w + "x" + h + "; images are read up to " + ImageSize.MAX_SIDE
                                    + " pixels a side");
                }
                pixels[0] += (long) w * h;
                if (limits.imagePixels().exceededBy(pixels[0])) {
                    throw new LimitExceededException(
                            "file",
                            "the images have more than " + limits.imagePixels().value() + " pixels in all",
                            limits.imagePixels());
                }
                BufferedImage img = reader.read(0);
                boolean gray = Pixels.isGray(img);
                return new Image(name, w, h, gray, size == null ? null : Pixels.of(img, size, channels));
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException ex) {
            if (ex instanceof BadDatasetException bad) throw bad;
            throw new BadDatasetException(
                    "file", "entry '" + name + "' cannot be read as an image: " + ex.getMessage(), ex);
        }
    }
}
