package dev.tunelab.core.data;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A CSV with a text column and a label: each text becomes {@code sequenceLength} word ids (shape
 * {@code [T]}), padded with 0 in front and, when too long, cut at the front, as Keras's {@code
 * pad_sequences} does by default; so the words nearest the end, which recurrent layers remember
 * best, are kept.
 *
 * <p>A profile counts words row by row and keeps only the counts; a read with the stored vocabulary
 * turns each row into ids as it goes. Neither keeps the texts' words, which take some fifty bytes
 * each as Java strings.
 */
final class TokensFormat implements SampleFormat {
    static final int DEFAULT_VOCABULARY = 10_000;

    /** The longest text sets the length, up to this; longer texts keep their last words. */
    static final int MAX_DEFAULT_LENGTH = 500;

    @Override
    public Profile profile(DatasetMeta meta, byte[] content, DatasetLimits limits) {
        LabeledCsv in = LabeledCsv.read(meta, content, limits);
        int column = in.dataColumn(meta, "text");
        String columnName = in.csv().header().get(column);
        Map<String, Integer> counts = new HashMap<>();
        int longest = 0;
        for (int r = 0; r < in.csv().rows().size(); r++) {
            List<String> words = Tokenizer.words(in.nonBlank(r, column));
            longest = Math.max(longest, words.size());
            for (String w : words) counts.merge(w, 1, Integer::sum);
        }
        if (longest == 0)
            throw new BadDatasetException("file", "column '" + columnName + "' has no words (letters or digits)");
        Labels labels = in.labels(meta);
        DatasetOptions o = meta.options();
        int size = o.vocabularySize() != null ? o.vocabularySize() : DEFAULT_VOCABULARY;
        List<String> words = o.vocabulary() != null ? o.vocabulary() : Vocabulary.mostFrequent(counts, size);
        int length = o.sequenceLength() != null ? o.sequenceLength() : Math.min(longest, MAX_DEFAULT_LENGTH);
        DatasetOptions resolved = o.withColumn(columnName).withTokens(size, words, length);
        return new Profile(
                meta.with(labels.task(), labels.classes(), resolved),
                List.of(length),
                in.csv().rows().size());
    }

    @Override
    public Loaded load(DatasetMeta meta, byte[] content, DatasetLimits limits) {
        DatasetOptions o = meta.options();
        if (o.vocabulary() == null || o.sequenceLength() == null || o.column() == null) {
            meta = profile(meta, content, limits).meta();
            o = meta.options();
        }
        LabeledCsv in = LabeledCsv.read(meta, content, limits);
        int column = in.dataColumn(meta, "text");
        Labels labels = in.labels(meta);
        Vocabulary vocabulary = new Vocabulary(o.vocabulary());
        int length = o.sequenceLength();
        float[][] x = new float[in.csv().rows().size()][];
        for (int i = 0; i < x.length; i++) {
            List<String> t = Tokenizer.words(in.nonBlank(i, column));
            float[] ids = new float[length];
            int skip = Math.max(0, t.size() - length);
            int pad = Math.max(0, length - t.size());
            for (int k = skip; k < t.size(); k++) ids[pad + k - skip] = vocabulary.id(t.get(k));
            x[i] = ids;
        }
        String description = "word ids of column '"
                + o.column()
                + "' ("
                + (o.vocabulary().size() + Vocabulary.FIRST_WORD)
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
        return new Loaded(meta.with(labels.task(), labels.classes(), o), samples);
    }
}
