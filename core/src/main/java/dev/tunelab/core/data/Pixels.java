package dev.tunelab.core.data;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;

/**
 * Pixel values of a decoded image as floats 0..255, channels last, and bilinear resizing. Values
 * are read from the raster, not through Java2D's colour conversion, which treats gray as linear
 * light and would brighten a gray 100 to 168 when drawing it as RGB; here a gray image becomes RGB
 * by repeating its value, and an RGB image gray by ITU-R 601 luma, as Pillow's {@code convert}
 * does.
 */
final class Pixels {
    private Pixels() {}

    static boolean isGray(BufferedImage img) {
        return img.getColorModel().getColorSpace().getType() == ColorSpace.TYPE_GRAY;
    }

    /** The image as {@code [H, W, channels]} values, resized to {@code size} when it differs. */
    static float[] of(BufferedImage img, ImageSize size, int channels) {
        float[] v = isGray(img) ? gray(img, channels) : rgb(img, channels);
        if (img.getWidth() == size.width() && img.getHeight() == size.height()) return v;
        return resize(v, img.getWidth(), img.getHeight(), channels, size.width(), size.height());
    }

    private static float[] gray(BufferedImage img, int channels) {
        Raster r = img.getRaster();
        int w = img.getWidth();
        int h = img.getHeight();
        float scale = 255f / ((1 << img.getColorModel().getComponentSize(0)) - 1);
        float[] v = new float[w * h * channels];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float g = r.getSample(x, y, 0) * scale;
                for (int c = 0; c < channels; c++) v[(y * w + x) * channels + c] = g;
            }
        }
        return v;
    }

    private static float[] rgb(BufferedImage img, int channels) {
        int w = img.getWidth();
        int h = img.getHeight();
        float[] v = new float[w * h * channels];
        int k = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = img.getRGB(x, y);
                int red = (p >> 16) & 0xFF;
                int green = (p >> 8) & 0xFF;
                int blue = p & 0xFF;
                if (channels == 1) {
                    v[k++] = (red * 299 + green * 587 + blue * 114) / 1000f;
                } else {
                    v[k++] = red;
                    v[k++] = green;
                    v[k++] = blue;
                }
            }
        }
        return v;
    }

    /**
     * Bilinear with pixel centres aligned (Keras's {@code Resizing}, Pillow's {@code BILINEAR} when
     * enlarging).
     */
    static float[] resize(float[] src, int w0, int h0, int channels, int w, int h) {
        float[] out = new float[w * h * channels];
        for (int y = 0; y < h; y++) {
            float sy = Math.max(0, Math.min(h0 - 1, (y + 0.5f) * h0 / h - 0.5f));
            int y0 = (int) sy;
            int y1 = Math.min(y0 + 1, h0 - 1);
            float fy = sy - y0;
            for (int x = 0; x < w; x++) {
                float sx = Math.max(0, Math.min(w0 - 1, (x + 0.5f) * w0 / w - 0.5f));
                int x0 = (int) sx;
                int x1 = Math.min(x0 + 1, w0 - 1);
                float fx = sx - x0;
                for (int c = 0; c < channels; c++) {
                    float top = src[(y0 * w0 + x0) * channels + c] * (1 - fx) + src[(y0 * w0 + x1) * channels + c] * fx;
                    float bottom =
                            src[(y1 * w0 + x0) * channels + c] * (1 - fx) + src[(y1 * w0 + x1) * channels + c] * fx;
                    out[(y * w + x) * channels + c] = top * (1 - fy) + bottom * fy;
                }
            }
        }
        return out;
    }
}
