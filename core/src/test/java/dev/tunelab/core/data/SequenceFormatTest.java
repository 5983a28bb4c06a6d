package dev.tunelab.core.data;

import static dev.tunelab.core.data.DataFiles.refused;
import static dev.tunelab.core.data.DataFiles.rows;
import static dev.tunelab.core.data.DataFiles.utf8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SequenceFormatTest {
    static final byte[] CSV =
            rows("signal,label", 10, i -> "\"" + "1 2 3 4 5".substring(0, 2 * (i % 5) + 1) + "\"," + (i % 2));

    static DatasetMeta sequence(Integer length) {
        return new DatasetMeta(
                DatasetKind.SEQUENCE,
                null,
                "label",
                null,
                new DatasetOptions(null, null, null, length, null, null, null, null));
    }

    @Test
    void sequencesAreZeroPaddedInFrontToTheLongest() {
        DatasetSummary p = SampleReader.profile(sequence(null), CSV);
        assertEquals(List.of(5, 1), p.shape());
        assertEquals("signal", p.meta().options().column(), "the only column besides the label");
        assertEquals(5, p.meta().options().sequenceLength());
        Samples s = SampleReader.read(p.meta(), CSV);
        assertArrayEquals(new float[] {0, 0, 0, 1, 2}, s.x()[1]);
        assertArrayEquals(new float[] {1, 2, 3, 4, 5}, s.x()[4]);
        assertEquals(DatasetKind.SEQUENCE, s.kind());
    }

    @Test
    void aShorterLengthKeepsTheLastSteps() {
        Samples s = SampleReader.read(SampleReader.profile(sequence(2), CSV).meta(), CSV);
        assertArrayEquals(new float[] {4, 5}, s.x()[4]);
        assertArrayEquals(new float[] {0, 1}, s.x()[0]);
    }

    @Test
    void badStepsAndEmptySequencesNameTheRow() {
        var e = refused(() -> SampleReader.profile(sequence(null), utf8("s,label\n1 2,a\n1 x 3,b\n")));
        assertTrue(e.getMessage().contains("row 2, column 's' step '2' is not a number: 'x'"), e.getMessage());
        e = refused(() -> SampleReader.profile(sequence(null), utf8("s,label\n1 2,a\n,b\n")));
        assertTrue(e.getMessage().contains("row 2, column 's' is empty"), e.getMessage());
    }
}
