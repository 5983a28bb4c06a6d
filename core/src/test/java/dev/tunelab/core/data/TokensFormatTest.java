package dev.tunelab.core.data;

import static dev.tunelab.core.data.DataFiles.refused;
import static dev.tunelab.core.data.DataFiles.utf8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunelab.core.messages.Json;
import dev.tunelab.core.study.Task;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokensFormatTest {
    /**
     * Ten reviews; "good" is the most frequent word (7), then "bad" and "not" tie at 4, then "film"
     * (3).
     */
    static final byte[] REVIEWS = utf8("""
      review,stars,sentiment
      "Good film, good!",5,pos
      not good,2,neg
      bad,1,neg
      "not bad, really",4,pos
      Film: GOOD,5,pos
      "the film was not good",2,neg
      bad bad,1,neg
      good,4,pos
      not,3,neg
      good,4,pos
      """);

    static DatasetMeta tokens(String column, Integer vocabularySize, Integer length) {
        return new DatasetMeta(
                DatasetKind.TOKENS,
                null,
                "sentiment",
                null,
                new DatasetOptions(column, vocabularySize, null, length, null, null, null, null));
    }

    @Test
    void wordsAreLowerCaseRunsOfLettersAndDigits() {
        assertEquals(List.of("it", "s", "a", "5", "star", "café"), Tokenizer.words("It's a 5-star Café!"));
        assertEquals(List.of(), Tokenizer.words(" ... "));
    }

    @Test
    void mostFrequentWordsGetTheFirstIdsAndShortTextsArePaddedInFront() {
        DatasetSummary p = SampleReader.profile(tokens("review", null, null), REVIEWS);
        DatasetOptions o = p.meta().options();
        assertEquals(
                List.of("good", "bad", "not", "film", "really", "the", "was"),
                o.vocabulary(),
                "ties in alphabetical order");
        assertEquals(5, o.sequenceLength(), "the longest review");
        assertEquals(10_000, o.vocabularySize());
        assertEquals(List.of(5), p.shape());
        assertEquals(List.of("neg", "pos"), p.meta().classes());
        assertEquals(9, p.facts().vocabulary(), "seven words, padding and unknown");
        assertEquals(DatasetKind.TOKENS, p.facts().kind());
        Samples s = SampleReader.read(p.meta(), REVIEWS);
        assertArrayEquals(new float[] {0, 0, 0, 4, 2}, s.x()[1]);
        assertArrayEquals(new float[] {7, 5, 8, 4, 2}, s.x()[5]);
        assertEquals(
                List.of(
                        new DatasetSummary.Column("review", "text"),
                        new DatasetSummary.Column("stars", "unused"),
                        new DatasetSummary.Column("sentiment", "label")),
                p.columns());
    }

    @Test
    void aSmallVocabularyMapsRareWordsToOneAndLongTextsLoseTheirStart() {
        DatasetSummary p = SampleReader.profile(tokens("review", 4, 3), REVIEWS);
        assertEquals(List.of("good", "bad"), p.meta().options().vocabulary());
        assertEquals(4, p.facts().vocabulary());
        Samples s = SampleReader.read(p.meta(), REVIEWS);
        assertArrayEquals(new float[] {1, 1, 2}, s.x()[5], "'the film' cut off, 'was not' unknown");
    }

    @Test
    void aTestSetIsReadWithTheTrainingVocabularyFromTheStoredMeta() {
        DatasetMeta stored = Json.read(
                Json.write(SampleReader.profile(tokens("review", null, null), REVIEWS)
                        .meta()),
                DatasetMeta.class);
        assertEquals(DatasetKind.TOKENS, stored.kind());
        assertEquals(Task.CLASSIFICATION, stored.task());
        DatasetMeta test = stored.forTestSet("label", "text");
        Samples s = SampleReader.read(test, utf8("text,label\nthe best film ever made,pos\n"));
        assertArrayEquals(new float[] {7, 1, 5, 1, 1}, s.x()[0]);
        assertEquals(1, s.classIndex()[0]);
    }

    @Test
    void emptyTextsAndMissingColumnsAreRefused() {
        var e = refused(
                () -> SampleReader.profile(tokens("review", null, null), utf8("review,sentiment\ngood,pos\n ,neg\n")));
        assertEquals("file", e.field());
        assertTrue(e.getMessage().contains("row 2, column 'review' is empty"), e.getMessage());
        e = refused(() -> SampleReader.profile(tokens(null, null, null), REVIEWS));
        assertEquals("column", e.field());
        e = refused(() -> SampleReader.profile(tokens("text", null, null), REVIEWS));
        assertEquals("column", e.field());
        e = refused(() -> SampleReader.profile(tokens(null, null, null), utf8("t,sentiment\n!!,a\n?,b\n")));
        assertTrue(e.getMessage().contains("has no words"), e.getMessage());
        assertEquals("vocabularySize", refused(() -> tokens("t", 2, null)).field());
    }
}
