package dev.tunelab.core.analysis;

import static dev.tunelab.core.analysis.EncodedTrialsTest.space;
import static dev.tunelab.core.analysis.EncodedTrialsTest.trial;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunelab.core.space.Condition;
import dev.tunelab.core.space.Param.ChoiceParam;
import dev.tunelab.core.space.Param.FloatParam;
import dev.tunelab.core.space.Param.IntParam;
import dev.tunelab.core.space.SearchSpace;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FanovaImportanceTest {

    /** Trials and objectives built together. */
    record Study(List<Map<String, Object>> params, double[] objectives) {
        ParamImportance evaluate(SearchSpace space, long seed) {
            return FanovaImportance.evaluate(space, params, objectives, seed);
        }
    }

    interface Objective {
        double of(Map<String, Object> trial, Random rng);
    }

    interface Sampler {
        Map<String, Object> draw(Random rng);
    }

    static Study study(int n, long seed, Sampler sampler, Objective objective) {
        Random rng = new Random(seed);
        List<Map<String, Object>> params = new ArrayList<>();
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            params.add(sampler.draw(rng));
            y[i] = objective.of(params.get(i), rng);
        }
        return new Study(params, y);
    }

    static double importance(ParamImportance result, String param) {
        return result.values().stream()
                .filter(e -> e.param().equals(param))
                .findFirst()
                .orElseThrow()
                .importance();
    }

    static double num(Map<String, Object> trial, String name) {
        return ((Number) trial.get(name)).doubleValue();
    }

    static void assertWellFormed(ParamImportance result, SearchSpace space) {
        assertEquals(space.params().size(), result.values().size(), "every parameter listed");
        double sum = 0;
        for (int i = 0; i < result.values().size(); i++) {
            ParamImportance.Entry e = result.values().get(i);
            assertTrue(e.importance() >= 0, e.toString());
            if (i > 0) assertTrue(result.values().get(i - 1).importance() >= e.importance(), "descending");
            sum += e.importance();
        }
        assertEquals(1, sum, 1e-9);
    }

    static final SearchSpace TWO_FLOATS = space("x1", new FloatParam(0, 1, false), "x2", new FloatParam(0, 1, false));

    static Study twoFloats(long seed) {
        return study(
                200,
                seed,
                r -> trial("x1", r.nextDouble(), "x2", r.nextDouble()),
                (t, r) -> 10 * num(t, "x1") + 0.1 * num(t, "x2") + 0.1 * r.nextGaussian());
    }

    @Test
    void theParameterThatDrivesTheObjectiveDominates() {
        ParamImportance result = twoFloats(1).evaluate(TWO_FLOATS, 7);
        assertWellFormed(result, TWO_FLOATS);
        assertTrue(importance(result, "x1") > 0.9, result.toString());
        assertTrue(importance(result, "x2") < 0.01, "x2 explains 0.01% of the variance: " + result);
        assertEquals(200, result.trials());
        assertEquals("fANOVA (random forest, 64 trees)", result.method());
    }

    @Test
    void theSameSeedGivesTheSameResult() {
        Study s = twoFloats(2);
        assertEquals(s.evaluate(TWO_FLOATS, 11), s.evaluate(TWO_FLOATS, 11));
    }

    @Test
    void aChoiceThatDrivesTheObjectiveDominates() {
        SearchSpace space = space(
                "act",
                new ChoiceParam(List.of("relu", "tanh", "sigmoid", "gelu")),
                "units",
                new IntParam(16, 256, 16),
                "dropout",
                new FloatParam(0, 0.5, false));
        List<Object> acts = space.params().get("act").gridValues();
        double[] effect = {0, 3, 1, 2.5};
        Study s = study(
                300,
                3,
                r -> trial(
                        "act",
                        acts.get(r.nextInt(4)),
                        "units",
                        16 * (1 + r.nextInt(16)),
                        "dropout",
                        0.5 * r.nextDouble()),
                (t, r) -> effect[acts.indexOf(t.get("act"))] + 0.1 * r.nextGaussian());
        ParamImportance result = s.evaluate(space, 5);
        assertWellFormed(result, space);
        assertTrue(importance(result, "act") > 0.9, result.toString());
    }

    @Test
    void aLogRangeIsJudgedInLogSpace() {
        SearchSpace space = space("lr", new FloatParam(1e-5, 1e-1, true), "momentum", new FloatParam(0, 0.99, false));
        // The optimum sits at 1e-3 in the middle of the log range; on a linear axis it would be
        // squeezed into the bottom 1%.
        Study s = study(
                300,
                4,
                r -> trial("lr", Math.pow(10, -5 + 4 * r.nextDouble()), "momentum", 0.99 * r.nextDouble()),
                (t, r) ->
                        Math.pow(Math.log10(num(t, "lr")) + 3, 2) + 0.2 * num(t, "momentum") + 0.1 * r.nextGaussian());
        ParamImportance result = s.evaluate(space, 5);
        assertWellFormed(result, space);
        assertTrue(importance(result, "lr") > 0.9, result.toString());
    }

    static final Condition SGD = new Condition("optimizer", List.of("sgd"), null, null);
    static final SearchSpace CONDITIONAL = space(
            "optimizer",
            new ChoiceParam(List.of("sgd", "adam")),
            "momentum",
            new FloatParam(0, 0.99, false, null, SGD),
            "dropout",
            new FloatParam(0, 0.5, false));

    static Map<String, Object> conditionalTrial(Random r) {
        boolean sgd = r.nextBoolean();
        Map<String, Object> t = trial("optimizer", sgd ? "sgd" : "adam", "dropout", 0.5 * r.nextDouble());
        if (sgd) t.put("momentum", 0.99 * r.nextDouble());
        return t;
    }

    @Test
    void aConditionalParameterSharesTheCreditForBeingActive() {
        // Only whether momentum exists matters, which optimizer says just as well: the two share the
        // credit.
        Study s = study(
                200,
                5,
                FanovaImportanceTest::conditionalTrial,
                (t, r) -> (t.containsKey("momentum") ? 1 : 0) + 0.05 * r.nextGaussian());
        ParamImportance result = s.evaluate(CONDITIONAL, 9);
        assertWellFormed(result, CONDITIONAL);
        assertTrue(importance(result, "optimizer") + importance(result, "momentum") > 0.9, result.toString());
        assertTrue(importance(result, "momentum") > 0.1, result.toString());
        assertTrue(importance(result, "dropout") < 0.1, result.toString());
    }

    @Test
    void aConditionalParameterThatMattersWhenActiveIsImportant() {
        Study s = study(
                300,
                6,
                FanovaImportanceTest::conditionalTrial,
                (t, r) -> (t.containsKey("momentum") ? 4 * num(t, "momentum") : 2) + 0.05 * r.nextGaussian());
        ParamImportance result = s.evaluate(CONDITIONAL, 9);
        assertWellFormed(result, CONDITIONAL);
        assertEquals("momentum", result.values().get(0).param(), result.toString());
        assertTrue(importance(result, "momentum") > 0.6, result.toString());
    }

    @Test
    void mixedSpellingsOfNumbersGiveTheSameResultAsOneSpelling() {
        SearchSpace space = space(
                "layers",
                new IntParam(1, 6, 1),
                "batch",
                new ChoiceParam(List.of(16, 32, 64)),
                "lr",
                new FloatParam(1e-4, 1e-2, true));
        Sampler ints = r -> trial(
                "layers",
                1 + r.nextInt(6),
                "batch",
                List.of(16, 32, 64).get(r.nextInt(3)),
                "lr",
                Math.pow(10, -4 + 2 * r.nextDouble()));
        Objective objective = (t, r) -> num(t, "layers") + num(t, "batch") / 16 + 0.1 * r.nextGaussian();
        Study plain = study(150, 7, ints, objective);
        List<Map<String, Object>> mixed = new ArrayList<>();
        for (int i = 0; i < plain.params().size(); i++) {
            Map<String, Object> t = new HashMap<>(plain.params().get(i));
            int layers = (Integer) t.get("layers");
            int batch = (Integer) t.get("batch");
            t.put(
                    "layers",
                    i % 3 == 0 ? (Object) layers : i % 3 == 1 ? (Object) (long) layers : (Object) (double) layers);
            t.put("batch", i % 2 == 0 ? (Object) (long) batch : (Object) (double) batch);
            mixed.add(t);
        }
        ParamImportance expected = plain.evaluate(space, 3);
        assertEquals(expected, new Study(mixed, plain.objectives()).evaluate(space, 3));
        assertWellFormed(expected, space);
        assertTrue(importance(expected, "lr") < 0.05, expected.toString());
        assertTrue(importance(expected, "layers") > importance(expected, "batch"), expected.toString());
    }

    @Test
    void aConstantObjectiveExplainsNothing() {
        Study s = study(50, 8, r -> trial("x1", r.nextDouble(), "x2", r.nextDouble()), (t, r) -> 0.42);
        ParamImportance result = s.evaluate(TWO_FLOATS, 1);
        assertEquals(
                List.of(new ParamImportance.Entry("x1", 0), new ParamImportance.Entry("x2", 0)),
                result.values(),
                "all listed, ties by name");
        assertEquals(50, result.trials());
    }

    @Test
    void fewerThanTwoTrialsExplainNothing() {
        ParamImportance one =
                FanovaImportance.evaluate(TWO_FLOATS, List.of(trial("x1", 0.2, "x2", 0.3)), new double[] {1}, 1);
        assertEquals(1, one.trials());
        assertEquals(List.of(new ParamImportance.Entry("x1", 0), new ParamImportance.Entry("x2", 0)), one.values());
        ParamImportance none = FanovaImportance.evaluate(TWO_FLOATS, List.of(), new double[0], 1);
        assertEquals(0, none.trials());
        assertEquals(2, none.values().size());
    }

    @Test
    void nonFiniteObjectivesAreLeftOutAndOldValuesAreClamped() {
        Study s = twoFloats(9);
        double[] y = s.objectives().clone();
        y[0] = Double.NaN;
        y[1] = Double.POSITIVE_INFINITY;
        List<Map<String, Object>> params = new ArrayList<>(s.params());
        params.set(2, trial("x1", 7.5, "x2", -3));
        params.set(3, trial("x1", "not a number"));
        params.set(4, null);
        ParamImportance result = FanovaImportance.evaluate(TWO_FLOATS, params, y, 1);
        assertEquals(198, result.trials());
        assertWellFormed(result, TWO_FLOATS);
        assertTrue(importance(result, "x1") > 0.8, result.toString());
    }

    /** Ten parameters of every kind; four matter, in the order lr, act, units, dropout. */
    static final SearchSpace TEN = tenParams();

    private static SearchSpace tenParams() {
        List<Object> spec = new ArrayList<>(List.of(
                "lr",
                new FloatParam(1e-5, 1e-1, true),
                "units",
                new IntParam(1, 100, 1),
                "act",
                new ChoiceParam(List.of("relu", "tanh", "gelu", "elu")),
                "dropout",
                new FloatParam(0, 1, false)));
        for (int i = 4; i < 10; i++) {
            spec.add("noise" + i);
            spec.add(i % 2 == 0 ? new FloatParam(0, 1, false) : new IntParam(0, 9, 1));
        }
        return space(spec.toArray());
    }

    static Study tenParamStudy(int n, long seed) {
        return study(
                n,
                seed,
                r -> {
                    Map<String, Object> t = trial(
                            "lr",
                            Math.pow(10, -5 + 4 * r.nextDouble()),
                            "units",
                            1 + r.nextInt(100),
                            "act",
                            List.of("relu", "tanh", "gelu", "elu").get(r.nextInt(4)),
                            "dropout",
                            r.nextDouble());
                    for (int i = 4; i < 10; i++)
                        t.put("noise" + i, i % 2 == 0 ? (Object) r.nextDouble() : (Object) r.nextInt(10));
                    return t;
                },
                (t, r) -> Math.log10(num(t, "lr"))
                        + num(t, "units") / 100
                        + ("relu".equals(t.get("act")) ? 1 : 0)
                        + 0.5 * num(t, "dropout")
                        + 0.3 * r.nextGaussian());
    }

    @Test
    void aLongStudyIsHandledWithCappedBootstrapsAndStillRanksWhatMatters() {
        // 5,000 trials × 10 parameters: the size FanovaTiming times. True shares: 0.82, 0.12, 0.05,
        // 0.01.
        ParamImportance result = tenParamStudy(5_000, 12).evaluate(TEN, 12);
        assertWellFormed(result, TEN);
        assertEquals(5_000, result.trials());
        assertEquals(
                List.of("lr", "act", "units", "dropout"),
                result.values().subList(0, 4).stream()
                        .map(ParamImportance.Entry::param)
                        .toList(),
                result.toString());
        for (ParamImportance.Entry e : result.values().subList(4, 10)) assertTrue(e.importance() < 0.005, e.toString());
    }

    @Test
    void mismatchedLengthsAreRefused() {
        assertThrows(
                IllegalArgumentException.class,
                () -> FanovaImportance.evaluate(TWO_FLOATS, List.of(trial("x1", 0.1)), new double[2], 1));
    }

    @Test
    void anEmptySpaceHasNothingToRank() {
        ParamImportance result = FanovaImportance.evaluate(
                new SearchSpace(Map.of()), List.of(Map.of(), Map.of()), new double[] {1, 2}, 1);
        assertEquals(List.of(), result.values());
        assertEquals(2, result.trials());
    }
}
