package dev.tunelab.scheduler.search.samplers.tpe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunelab.core.search.StudyHistory;
import dev.tunelab.core.space.Param;
import dev.tunelab.core.study.Direction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SplitTest {
    private static final List<Dimension> X = List.of(Dimension.of("x", new Param.FloatParam(0, 100, false)));

    /** Trial i at x = i with objective {@code values[i]}; null values are running trials. */
    private static StudyHistory history(Direction direction, Double... values) {
        List<StudyHistory.Trial> trials = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            trials.add(new StudyHistory.Trial(i, Map.of("x", (double) i), values[i] != null, values[i]));
        }
        return new StudyHistory(direction, trials);
    }

    private static double[] xs(double[][] rows) {
        double[] x = new double[rows.length];
        for (int i = 0; i < rows.length; i++) x[i] = rows[i][0];
        return x;
    }

    @Test
    void gammaTakesTheBestTenthRoundedUpAndAtMost25() {
        assertEquals(1, Split.belowCount(1));
        assertEquals(1, Split.belowCount(10));
        assertEquals(2, Split.belowCount(11));
        assertEquals(10, Split.belowCount(100));
        assertEquals(25, Split.belowCount(1000));
    }

    @Test
    void minimizingPutsTheLowestValuesBelowInCreationOrder() {
        Double[] values = new Double[20];
        for (int i = 0; i < 20; i++) values[i] = (double) ((i * 7) % 20);
        Split split = Split.of(X, history(Direction.MINIMIZE, values));
        // (i * 7) % 20 is 0 at i = 0 and 1 at i = 3.
        assertArrayEquals(new double[] {0, 3}, xs(split.below()));
        assertEquals(18, split.above().length);
        assertEquals(20, split.finished());
    }

    @Test
    void maximizingPutsTheHighestValuesBelow() {
        Double[] values = new Double[20];
        for (int i = 0; i < 20; i++) values[i] = (double) ((i * 7) % 20);
        Split split = Split.of(X, history(Direction.MAXIMIZE, values));
        // 19 at i = 17 and 18 at i = 14.
        assertArrayEquals(new double[] {14, 17}, xs(split.below()));
    }

    @Test
    void runningTrialsGoAboveUncountedAndFailedTrialsAreIgnored() {
        List<StudyHistory.Trial> trials = new ArrayList<>();
        for (int i = 0; i < 10; i++) trials.add(new StudyHistory.Trial(i, Map.of("x", (double) i), true, (double) i));
        trials.add(new StudyHistory.Trial(10, Map.of("x", 50.0), false, null));
        trials.add(new StudyHistory.Trial(11, Map.of("x", 60.0), true, null));
        trials.add(new StudyHistory.Trial(12, Map.of("x", 70.0), true, Double.NaN));
        Split split = Split.of(X, new StudyHistory(Direction.MINIMIZE, trials));
        assertEquals(10, split.finished());
        assertArrayEquals(new double[] {0}, xs(split.below()));
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 50}, xs(split.above()));
    }

    @Test
    void aRunningTrialNeverCountsAsGoodEvenAgainstInfiniteValues() {
        Split split =
                Split.of(X, history(Direction.MINIMIZE, null, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY));
        assertArrayEquals(new double[] {1}, xs(split.below()));
    }

    @Test
    void trialsWithoutTheDimensionOrWithAForeignValueAreLeftOut() {
        List<StudyHistory.Trial> trials = List.of(
                new StudyHistory.Trial(0, Map.of("x", 1.0), true, 1.0),
                new StudyHistory.Trial(1, Map.of("y", 1.0), true, 0.0),
                new StudyHistory.Trial(2, Map.of("x", 500.0), true, 0.0));
        assertEquals(
                1, Split.of(X, new StudyHistory(Direction.MINIMIZE, trials)).finished());
    }

    @Test
    void weightsAreFlatUpTo25ThenOldTrialsFadeLinearly() {
        assertArrayEquals(new double[] {1, 1, 1}, Split.weights(3));
        double[] w = Split.weights(35);
        assertEquals(1.0 / 35, w[0], 1e-12);
        for (int i = 1; i < 10; i++) assertTrue(w[i] > w[i - 1], "ramp rises at " + i);
        for (int i = 10; i < 35; i++) assertEquals(1.0, w[i], "the newest 25 keep weight 1");
    }
}
