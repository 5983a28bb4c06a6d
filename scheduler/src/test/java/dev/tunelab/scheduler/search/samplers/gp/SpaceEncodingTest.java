package dev.tunelab.scheduler.search.samplers.gp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tunelab.core.space.Condition;
import dev.tunelab.core.space.Param;
import dev.tunelab.core.space.SearchSpace;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SpaceEncodingTest {
    private static final SearchSpace SPACE = space(
            "lr", new Param.FloatParam(1e-4, 1e-1, true),
            "units", new Param.IntParam(8, 64, 8),
            "act", new Param.ChoiceParam(List.of("relu", "tanh", "elu")),
            "rate", new Param.FloatParam(0, 0.5, false));

    @Test
    void columnsAreLogScaledCellCentredAndOneHot() {
        SpaceEncoding e = new SpaceEncoding(SPACE);
        assertEquals(6, e.columns());
        double[] u = e.encode(Map.of("lr", 1e-2, "units", 16, "act", "elu", "rate", 0.125));
        // lr: two of three decades up; units: second of eight values, cell [1/8, 2/8).
        assertArrayEquals(new double[] {2.0 / 3, 1.5 / 8, 0, 0, 1, 0.25}, u, 1e-12);
    }

    @Test
    void pointsSurviveARoundTrip() {
        SpaceEncoding e = new SpaceEncoding(SPACE);
        Map<String, Object> point = Map.of("lr", 3e-3, "units", 64, "act", "tanh", "rate", 0.0);
        Map<String, Object> back = e.decode(e.encode(point));
        assertEquals(List.of("lr", "units", "act", "rate"), List.copyOf(back.keySet()));
        assertEquals(3e-3, (Double) back.get("lr"), 1e-15);
        assertEquals(64, back.get("units"));
        assertEquals("tanh", back.get("act"));
        assertEquals(0.0, back.get("rate"));
    }

    @Test
    void canonicalRoundsIntegersAndChoicesAsADecodedTrialWould() {
        SpaceEncoding e = new SpaceEncoding(SPACE);
        double[] raw = {0.5, 0.30, 0.2, 0.9, 0.4, 0.7};
        double[] u = e.canonical(raw);
        assertArrayEquals(new double[] {0.5, 2.5 / 8, 0, 1, 0, 0.7}, u, 1e-12);
        assertArrayEquals(u, e.encode(e.decode(raw)), 1e-12);
    }

    @Test
    void inactiveParametersGetOneFixedEncodingAndAreLeftOut() {
        SearchSpace space = space(
                "opt", new Param.ChoiceParam(List.of("adam", "sgd")),
                "momentum", new Param.FloatParam(0, 1, false, null, new Condition("opt", List.of("sgd"), null, null)),
                "kind", new Param.ChoiceParam(List.of("a", "b"), new Condition("opt", List.of("sgd"), null, null)));
        SpaceEncoding e = new SpaceEncoding(space);
        double[] adam = e.encode(Map.of("opt", "adam"));
        assertArrayEquals(new double[] {1, 0, SpaceEncoding.INACTIVE, 0, 0}, adam, 0);
        // A raw vector choosing adam keeps values for momentum and kind; the model sees them fixed.
        double[] raw = {0.9, 0.1, 0.77, 0.2, 0.8};
        assertArrayEquals(adam, e.canonical(raw), 0);
        assertEquals(Map.of("opt", "adam"), e.decode(raw));
        Map<String, Object> sgd = e.decode(new double[] {0.1, 0.9, 0.77, 0.2, 0.8});
        assertEquals(Map.of("opt", "sgd", "momentum", 0.77, "kind", "b"), sgd);
    }

    @Test
    void largeIntegerRangesAreSearchedAtDoublingDistances() {
        SpaceEncoding e = new SpaceEncoding(space("n", new Param.IntParam(0, 999, 1)));
        List<double[]> alternatives = e.alternatives(e.encode(Map.of("n", 500)), 0);
        List<Object> values =
                alternatives.stream().map(u -> e.decode(u).get("n")).toList();
        assertEquals(
                List.of(499, 501, 498, 502, 496, 504, 492, 508, 484, 516, 468, 532, 436, 564, 372, 628, 244, 756),
                values);
    }

    static SearchSpace space(Object... kv) {
        Map<String, Param> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], (Param) kv[i + 1]);
        return new SearchSpace(m);
    }
}
