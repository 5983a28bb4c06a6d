package dev.tunelab.worker.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.BitSet;
import org.junit.jupiter.api.Test;

class SplitTest {

    @Test
    void sameSeedSameSplitDifferentSeedDifferentSplit() {
        Split a = Split.of(150, 0.2, 42);
        Split b = Split.of(150, 0.2, 42);
        assertArrayEquals(a.train(), b.train());
        assertArrayEquals(a.validation(), b.validation());
        assertFalse(Arrays.equals(a.validation(), Split.of(150, 0.2, 43).validation()));
    }

    @Test
    void disjointSortedAndCoversAllRows() {
        Split s = Split.of(150, 0.2, 7);
        assertEquals(30, s.validation().length);
        assertEquals(120, s.train().length);
        BitSet seen = new BitSet();
        for (int i : s.train()) seen.set(i);
        for (int i : s.validation()) {
            assertFalse(seen.get(i), "row " + i + " is in both splits");
            seen.set(i);
        }
        assertEquals(150, seen.cardinality());
        assertTrue(seen.nextSetBit(0) == 0 && seen.length() == 150);
        assertArrayEquals(Arrays.stream(s.train()).sorted().toArray(), s.train());
        assertArrayEquals(Arrays.stream(s.validation()).sorted().toArray(), s.validation());
    }

    @Test
    void validationHasAtLeastOneRowAndTrainingIsNeverEmpty() {
        assertEquals(1, Split.of(10, 0.01, 1).validation().length);
        assertEquals(1, Split.of(2, 0.9, 1).train().length);
        assertThrows(IllegalArgumentException.class, () -> Split.of(1, 0.2, 1));
        assertThrows(IllegalArgumentException.class, () -> Split.of(10, 0, 1));
    }

    @Test
    void matchesTheDocumentedFisherYates() {
        // Pinned so a Python or Go re-implementation of the split can be checked against it.
        java.util.Random r = new java.util.Random(5);
        int[] order = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
        for (int i = 9; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int[] expected = Arrays.copyOfRange(order, 0, 3);
        Arrays.sort(expected);
        assertArrayEquals(expected, Split.of(10, 0.3, 5).validation());
    }

    @Test
    void testRowsComeFirstFromTheShuffleAndValidationFromTheRest() {
        Split s = Split.of(100, 0.2, 0.25, 3, false);
        assertEquals(20, s.test().length);
        assertEquals(20, s.validation().length);
        assertEquals(60, s.train().length);
        BitSet seen = new BitSet();
        for (int[] part : new int[][] {s.train(), s.validation(), s.test()}) {
            for (int i : part) {
                assertFalse(seen.get(i), "row " + i + " is in two splits");
                seen.set(i);
            }
        }
        assertEquals(100, seen.cardinality());
        // Without a test split, the split is the one TuneLab always made.
        assertArrayEquals(
                Split.of(100, 0.25, 3).validation(),
                Split.of(100, 0, 0.25, 3, false).validation());
        assertEquals(0, Split.of(100, 0.25, 3).test().length);
    }

    @Test
    void orderedDataKeepsTheEndForValidationAndTest() {
        Split s = Split.of(10, 0.2, 0.25, 3, true);
        assertArrayEquals(new int[] {8, 9}, s.test());
        assertArrayEquals(new int[] {6, 7}, s.validation());
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5}, s.train());
        assertThrows(IllegalArgumentException.class, () -> Split.of(3, 0.5, 0.2, 1, false));
    }
}
