package dev.tunelab.core.data;

import java.util.ArrayList;
import java.util.List;

/**
 * A CSV with a text column and a label: each text becomes {@code sequenceLength} word ids (shape
 * {@code [T]}), padded with 0 in front and, when too long, cut at the front, as Keras's {@code
 * pad_sequences} does by default; so the words nearest the end, which recurrent layers remember
 * best, are kept.
 */
final class TokensFormat implements SampleFormat {
    static final int DEFAULT_VOCABULARY = 10_000;

    /** The longest text sets the length, up to this; longer texts keep their last words. */
    static final int MAX_DEFAULT_LENGTH = 500;

    @Override
    public Loaded load(DatasetMeta meta, byte[] content, DatasetLimits limits) {
        LabeledCsv in = LabeledCsv.read(meta, content, limits);
        int column = in.dataColumn(meta, "text");
        String columnName = in.csv().header().get(column);
        List<List<String>> texts = new ArrayList<>();
        int longest = 0;
        for (int r = 0; r < in.csv().rows().size(); r++) {
            List<String> words = Tokenizer.words(in.nonBlank(r, column));
            longest = Math.max(longest, words.size());
            texts.add(words);
        }
        if (longest == 0)
            throw new BadDatasetException("file", "column '" + columnName + "' has no words (letters or digits)");
        Labels labels = in.labels(meta);

        DatasetOptions o = meta.options();
        int size = o.vocabularySize() != null ? o.vocabularySize() : DEFAULT_VOCABULARY;
        List<String> words = o.vocabulary() != null ? o.vocabulary() : Vocabulary.mostFrequent(texts, size);
        int length = o.sequenceLength() != null ? o.sequenceLength() : Math.min(longest, MAX_DEFAULT_LENGTH);
        Vocabulary vocabulary = new Vocabulary(words);
        float[][] x = new float[texts.size()][];
        for (int i = 0; i < x.length; i++) {
            List<String> t = texts.get(i);
            float[] ids = new float[length];
            int skip = Math.max(0, t.size() - length);
            int pad = Math.max(0, length - t.size());
            for (int k = skip; k < t.size(); k++) ids[pad + k - skip] = vocabulary.id(t.get(k));
            x[i] = ids;
        }
        DatasetOptions resolved = o.withColumn(columnName).withTokens(size, words, length);
        String description = "word ids of column '"
                + columnName
                + "' ("
                + (words.size() + Vocabulary.FIRST_WORD)
                + " ids, 0 = padding, 1 = unknown word)";
        Samples samples = new Samples(
                DatasetKind.TOKENS,
                labels.task(),
                List.of(length),
                x,
                labels.classes(),
                labels.classIndex(),
                labels.target(),
                List.of(description),
                false);
        return new Loaded(meta.with(labels.task(), labels.classes(), resolved), samples);
    }
}
