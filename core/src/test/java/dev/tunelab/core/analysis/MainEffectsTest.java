package dev.tunelab.core.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Trees grown on the four corners of a 2×2 grid, whose fANOVA decomposition is known in closed
 * form.
 */
class MainEffectsTest {
    static final double[][] CORNERS = {{0.25, 0.25, 0.75, 0.75}, {0.25, 0.75, 0.25, 0.75}};
    static final double[] LOWER = {0, 0};
    static final double[] UPPER = {1, 1};

    static double[] fractions(double[] y, long seed) {
        int[][] sorted = {{0, 1, 2, 3}, {0, 2, 1, 3}};
        RegressionTree tree = new RegressionTree.Grower(
                        CORNERS, y, new int[] {1, 1, 1, 1}, sorted, 2, 64, new SplittableRandom(seed))
                .tree();
        return MainEffects.varianceFractions(tree, LOWER, UPPER);
    }

    @Test
    void anAdditiveFunctionSplitsItsVarianceByTheSquaredEffects() {
        // f = 3·[x > 0.5] + 1·[y > 0.5]: main-effect variances 9/4 and 1/4, no interaction.
        for (long seed = 0; seed < 4; seed++) {
            assertArrayEquals(new double[] {0.9, 0.1}, fractions(new double[] {0, 1, 3, 4}, seed), 1e-12);
        }
    }

    @Test
    void aPureInteractionLeavesEachMainEffectAThird() {
        // f = [x > 0.5 and y > 0.5]: total variance 3/16, each marginal's variance 1/16.
        for (long seed = 0; seed < 4; seed++) {
            assertArrayEquals(new double[] {1 / 3.0, 1 / 3.0}, fractions(new double[] {0, 0, 0, 1}, seed), 1e-12);
        }
    }

    @Test
    void aConstantTreeHasNoFractions() {
        assertNull(fractions(new double[] {2, 2, 2, 2}, 0));
    }

    @Test
    void volumeWeightsFollowTheDomainNotTheData() {
        // One feature with an inactive slot [-1, 0): inactive → 0, active → 1 everywhere. Splitting at
        // 0
        // gives half the domain each way, so the fraction is 1 whatever the sample sizes.
        double[][] x = {{EncodedTrials.INACTIVE, 0.1, 0.6, 0.9}};
        RegressionTree tree = new RegressionTree.Grower(
                        x,
                        new double[] {0, 1, 1, 1},
                        new int[] {1, 1, 1, 1},
                        new int[][] {{0, 1, 2, 3}},
                        1,
                        64,
                        new SplittableRandom(1))
                .tree();
        assertEquals(0, tree.threshold[0], "the root splits on the slot boundary");
        assertArrayEquals(
                new double[] {1}, MainEffects.varianceFractions(tree, new double[] {-1}, new double[] {1}), 1e-12);
    }
}
