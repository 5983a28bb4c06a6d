package dev.tunelab.core.data;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * Width and height of an image, written {@code WIDTHxHEIGHT} ("32x32") as ImageMagick writes it.
 */
public record ImageSize(int width, int height) {
    static final int MAX_SIDE = 4096;

    public ImageSize {
        if (width < 1 || height < 1 || width > MAX_SIDE || height > MAX_SIDE) {
            throw new BadDatasetException(
                    "imageSize", "width and height must be 1.." + MAX_SIDE + ", got " + width + "x" + height);
        }
    }

    @JsonCreator
    public static ImageSize parse(String text) {
        String[] parts = text.trim().toLowerCase(Locale.ROOT).split("x", -1);
        try {
            if (parts.length == 2)
                return new ImageSize(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
        } catch (NumberFormatException e) {
            // fall through to the message below
        }
        throw new BadDatasetException("imageSize", "must be WIDTHxHEIGHT such as '32x32', got '" + text + "'");
    }

    @JsonValue
    @Override
    public String toString() {
        return width + "x" + height;
    }
}
