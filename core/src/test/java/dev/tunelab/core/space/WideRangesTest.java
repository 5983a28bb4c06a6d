package dev.tunelab.core.space;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An integer range may hold every int: counting or walking its grid must not list two billion
 * values (a study with {@code "max": 2147483647} ran the api out of heap while it was validated).
 */
class WideRangesTest {
    private static SearchSpace space(Param... params) {
        Map<String, Param> m = new LinkedHashMap<>();
        for (int i = 0; i < params.length; i++) m.put("p" + i, params[i]);
        return new SearchSpace(m);
    }

    @Test
    void theWholeIntRangeIsCountedWithoutListingIt() {
        Param.IntParam all = new Param.IntParam(Integer.MIN_VALUE, Integer.MAX_VALUE, 1);
        assertEquals(Integer.MAX_VALUE, all.size(), "wider than an int holds: capped");
        assertEquals(Integer.MIN_VALUE, all.valueAt(0));
        assertEquals(Integer.MAX_VALUE - 1L + Integer.MIN_VALUE, (long) all.valueAt(Integer.MAX_VALUE - 1));
        Param.IntParam wide = new Param.IntParam(1, Integer.MAX_VALUE, 1);
        assertEquals(Integer.MAX_VALUE, space(wide).gridSize());
        assertEquals(List.of(1, 2, 3), wide.gridValues().subList(0, 3));
        assertEquals(Long.MAX_VALUE, space(wide, wide, wide).gridSize(), "overflow reads as too many");
    }

    @Test
    void aWideParentOfAConditionIsNotWalkedValueByValue() {
        Param.IntParam parent = new Param.IntParam(1, Integer.MAX_VALUE, 1);
        Param.IntParam child = new Param.IntParam(1, 4, 1, null, new Condition("p0", null, 2.0, null));
        assertEquals(Long.MAX_VALUE, space(parent, child).gridSize());
    }
}
