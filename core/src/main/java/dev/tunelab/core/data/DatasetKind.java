package dev.tunelab.core.data;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * What one sample of a dataset is, which fixes its shape (Keras convention, channels last) and
 * which first layers can take it.
 */
public enum DatasetKind {
    /** Numeric columns: shape {@code [F]}. */
    TABLE,
    /**
     * Images (IDX files or a zip of one folder per class): shape {@code [H, W, C]}, values 0..255.
     */
    IMAGES,
    /**
     * A text column tokenized with a vocabulary limit: shape {@code [T]} of token ids (0 = padding).
     */
    TOKENS,
    /** A column of numeric sequences ("0.1 0.5 0.3"): shape {@code [T, 1]}, zero-padded in front. */
    SEQUENCE,
    /** Windows over a numeric time series: shape {@code [T, F]}, each labelled by a later value. */
    TIMESERIES;

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static DatasetKind parse(String text) {
        return valueOf(text.trim().toUpperCase(Locale.ROOT));
    }
}
