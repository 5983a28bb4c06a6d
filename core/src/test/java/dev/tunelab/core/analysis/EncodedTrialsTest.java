package dev.tunelab.core.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tunelab.core.space.Condition;
import dev.tunelab.core.space.Param;
import dev.tunelab.core.space.Param.ChoiceParam;
import dev.tunelab.core.space.Param.FloatParam;
import dev.tunelab.core.space.Param.IntParam;
import dev.tunelab.core.space.SearchSpace;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class EncodedTrialsTest {

    static SearchSpace space(Object... nameThenParam) {
        Map<String, Param> params = new LinkedHashMap<>();
        for (int i = 0; i < nameThenParam.length; i += 2)
            params.put((String) nameThenParam[i], (Param) nameThenParam[i + 1]);
        return new SearchSpace(params);
    }

    static Map<String, Object> trial(Object... nameThenValue) {
        Map<String, Object> t = new HashMap<>();
        for (int i = 0; i < nameThenValue.length; i += 2) t.put((String) nameThenValue[i], nameThenValue[i + 1]);
        return t;
    }

    static EncodedTrials encode(SearchSpace space, List<Map<String, Object>> trials) {
        return EncodedTrials.encode(
                space, trials, IntStream.range(0, trials.size()).toArray());
    }

    @Test
    void numbersAreScaledToTheUnitIntervalAndLogRangesInLogSpace() {
        SearchSpace s = space(
                "units",
                new IntParam(10, 50, 10),
                "lr",
                new FloatParam(1e-4, 1e-2, true),
                "dropout",
                new FloatParam(0, 0.5, false));
        EncodedTrials e = encode(
                s,
                List.of(
                        trial("units", 10, "lr", 1e-4, "dropout", 0.0),
                        trial("units", 30, "lr", 1e-3, "dropout", 0.25),
                        trial("units", 50, "lr", 1e-2, "dropout", 0.5)));
        assertEquals(List.of("units", "lr", "dropout"), e.names, "the space's order");
        for (int f = 0; f < 3; f++) {
            assertArrayEquals(new double[] {0, 0.5, 1}, e.columns[f], 1e-12, e.names.get(f));
            assertEquals(0, e.lower[f], "no inactive slot when every trial has the parameter");
            assertEquals(1, e.upper[f]);
        }
    }

    @Test
    void integerLongAndDoubleSpellingsOfOneNumberEncodeAlike() {
        SearchSpace s = space("layers", new IntParam(1, 5, 1), "batch", new ChoiceParam(List.of(16, 32, 64L)));
        EncodedTrials e = encode(
                s,
                List.of(
                        trial("layers", 3, "batch", 32),
                        trial("layers", 3L, "batch", 32L),
                        trial("layers", 3.0, "batch", 32.0)));
        assertArrayEquals(new double[] {0.5, 0.5, 0.5}, e.columns[0]);
        assertArrayEquals(new double[] {1.5, 1.5, 1.5}, e.columns[1], "second choice, middle of slot [1, 2)");
        assertEquals(3, e.upper[1]);
    }

    @Test
    void choicesMatchStringsAndBooleansByEquality() {
        SearchSpace s =
                space("act", new ChoiceParam(List.of("relu", "tanh")), "bn", new ChoiceParam(List.of(true, false)));
        EncodedTrials e = encode(
                s,
                List.of(
                        trial("act", "tanh", "bn", false),
                        trial("act", "relu", "bn", true),
                        trial("act", "tanh", "bn", true)));
        assertArrayEquals(new double[] {1.5, 0.5, 1.5}, e.columns[0]);
        assertArrayEquals(new double[] {1.5, 0.5, 0.5}, e.columns[1]);
    }

    @Test
    void aMissingOrUnknownValueGetsTheSlotBelowTheRange() {
        Condition sgd = new Condition("opt", List.of("sgd"), null, null);
        SearchSpace s = space(
                "opt",
                new ChoiceParam(List.of("sgd", "adam")),
                "momentum",
                new FloatParam(0, 1, false, null, sgd),
                "act",
                new ChoiceParam(List.of("relu", "tanh")));
        EncodedTrials e = encode(
                s,
                List.of(
                        trial("opt", "sgd", "momentum", 0.5, "act", "relu"),
                        trial("opt", "adam", "act", "gelu"),
                        trial("opt", "sgd", "momentum", "high", "act", "tanh")));
        assertArrayEquals(
                new double[] {0.5, EncodedTrials.INACTIVE, EncodedTrials.INACTIVE},
                e.columns[1],
                "absent, or a string where a number belongs");
        assertEquals(-1, e.lower[1]);
        assertArrayEquals(new double[] {0.5, EncodedTrials.INACTIVE, 1.5}, e.columns[2], "a choice since removed");
        assertEquals(-1, e.lower[2]);
        assertEquals(0, e.lower[0]);
    }

    @Test
    void valuesOutsideTheRangeAreClamped() {
        SearchSpace s = space("units", new IntParam(10, 50, 10), "lr", new FloatParam(1e-4, 1e-2, true));
        EncodedTrials e = encode(
                s,
                List.of(
                        trial("units", 5, "lr", 1.0),
                        trial("units", 500, "lr", 0.0),
                        trial("units", 20, "lr", Double.POSITIVE_INFINITY)));
        assertArrayEquals(new double[] {0, 1, 0.25}, e.columns[0], 1e-12);
        assertArrayEquals(new double[] {1, 0, 1}, e.columns[1], 1e-12);
    }

    @Test
    void aSingleValueRangeSitsInTheMiddle() {
        EncodedTrials e =
                encode(space("k", new IntParam(3, 3, 1)), List.of(trial("k", 3), trial("k", 3), trial("k", 4)));
        assertArrayEquals(new double[] {0.5, 0.5, 0.5}, e.columns[0]);
    }

    @Test
    void splitsBetweenInactiveAndActiveFollowTheSlotBoundary() {
        assertEquals(0, EncodedTrials.threshold(EncodedTrials.INACTIVE, 0.0));
        assertEquals(0, EncodedTrials.threshold(EncodedTrials.INACTIVE, 0.9));
        assertEquals(0.3, EncodedTrials.threshold(0.2, 0.4), 1e-15);
        assertEquals(2, EncodedTrials.threshold(1.5, 2.5), "between two choices: their slot boundary");
        double a = 0.3;
        double b = Math.nextUp(a);
        assertEquals(a, EncodedTrials.threshold(a, b), "adjacent doubles still put b on the right");
    }
}
