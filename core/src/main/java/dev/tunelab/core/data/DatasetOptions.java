package dev.tunelab.core.data;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * How a file is turned into samples, beyond its kind and label. Each field is for some kinds only
 * and null when unused or not given; at upload the reader fills what was left open (the vocabulary,
 * the sequence length, the image size and channels), so every worker reads the file the same way,
 * and a test set can be read with its training set's options.
 *
 * @param column the text (TOKENS) or numeric-sequence (SEQUENCE) column
 * @param vocabularySize TOKENS: the most token ids, padding (0) and out-of-vocabulary (1) included,
 *     as Keras's {@code TextVectorization(max_tokens)} counts them
 * @param vocabulary TOKENS: the words with ids 2, 3, ... in that order
 * @param sequenceLength TOKENS and SEQUENCE: steps per sample; longer ones lose their start,
 *     shorter ones are padded in front (Keras {@code pad_sequences} defaults)
 * @param window TIMESERIES: rows per sample
 * @param horizon TIMESERIES: how many rows after a window's last row its target is taken from
 * @param imageSize IMAGES: the size every image is (or is resized to)
 * @param channels IMAGES: 1 (gray) or 3 (RGB)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DatasetOptions(
        String column,
        Integer vocabularySize,
        List<String> vocabulary,
        Integer sequenceLength,
        Integer window,
        Integer horizon,
        ImageSize imageSize,
        Integer channels) {
    public static final DatasetOptions NONE = new DatasetOptions(null, null, null, null, null, null, null, null);
    static final int MAX_VOCABULARY = 1_000_000;
    static final int MAX_SEQUENCE = 10_000;

    public DatasetOptions {
        if (column != null && column.isBlank()) column = null;
        if (column != null) column = column.strip();
        check("vocabularySize", vocabularySize, 3, MAX_VOCABULARY);
        check("sequenceLength", sequenceLength, 1, MAX_SEQUENCE);
        check("window", window, 1, 100_000);
        check("horizon", horizon, 1, 100_000);
        if (channels != null && channels != 1 && channels != 3)
            throw new BadDatasetException("channels", "must be 1 or 3, got " + channels);
        vocabulary = vocabulary == null ? null : List.copyOf(vocabulary);
    }

    private static void check(String field, Integer value, int min, int max) {
        if (value != null && (value < min || value > max)) {
            throw new BadDatasetException(field, "must be " + min + ".." + max + ", got " + value);
        }
    }

    /** These options without the vocabulary's words, for listings. */
    public DatasetOptions withoutVocabulary() {
        return new DatasetOptions(column, vocabularySize, null, sequenceLength, window, horizon, imageSize, channels);
    }

    DatasetOptions withColumn(String c) {
        return new DatasetOptions(c, vocabularySize, vocabulary, sequenceLength, window, horizon, imageSize, channels);
    }

    DatasetOptions withTokens(int size, List<String> words, int length) {
        return new DatasetOptions(column, size, words, length, window, horizon, imageSize, channels);
    }

    DatasetOptions withSequenceLength(int length) {
        return new DatasetOptions(column, vocabularySize, vocabulary, length, window, horizon, imageSize, channels);
    }

    DatasetOptions withHorizon(int h) {
        return new DatasetOptions(column, vocabularySize, vocabulary, sequenceLength, window, h, imageSize, channels);
    }

    DatasetOptions withImage(ImageSize size, int c) {
        return new DatasetOptions(column, vocabularySize, vocabulary, sequenceLength, window, horizon, size, c);
    }
}
