package dev.tunelab.scheduler.search.samplers.gp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

class LogEiTest {
    private static final NormalDistribution N = new NormalDistribution(0, 1);

    @Test
    void matchesTheLogOfPlainEiWhereEiIsNotTiny() {
        for (double z = -8; z <= 6; z += 0.25) {
            double ei = N.density(z) + z * N.cumulativeProbability(z);
            assertEquals(Math.log(ei), LogEi.logH(z), 1e-9 * Math.max(1, Math.abs(Math.log(ei))), "z = " + z);
        }
        // With mean, sd and incumbent: EI = sd h((mean - best) / sd).
        double sd = 0.7;
        double z = (1.2 - 0.5) / sd;
        assertEquals(Math.log(sd * (N.density(z) + z * N.cumulativeProbability(z))), LogEi.value(1.2, sd, 0.5), 1e-12);
    }

    @Test
    void staysFiniteAndDecreasingWhereEiUnderflows() {
        double previous = Double.POSITIVE_INFINITY;
        for (double z = -10; z >= -1e6; z *= 1.5) {
            double v = LogEi.logH(z);
            assertTrue(Double.isFinite(v), "z = " + z);
            assertTrue(v < previous, "log h decreases with z, z = " + z);
            previous = v;
        }
        // Far in the tail, h(z) ~ phi(z) / z^2.
        double z = -1e4;
        assertEquals(-0.5 * z * z - 0.5 * Math.log(2 * Math.PI) - 2 * Math.log(-z), LogEi.logH(z), 1e-6);
        // The two formulas meet smoothly at the switch points.
        for (double at : new double[] {-1, -20}) {
            assertEquals(LogEi.logH(at - 1e-9), LogEi.logH(at + 1e-9), 1e-7, "at " + at);
        }
    }

    @Test
    void partialsMatchFiniteDifferences() {
        double[] out = new double[2];
        for (double mean : new double[] {-40, -3, 0.2, 2}) {
            double sd = 0.3;
            LogEi.valueAndPartials(mean, sd, 0.5, out);
            double h = 1e-6;
            double dMean = (LogEi.value(mean + h, sd, 0.5) - LogEi.value(mean - h, sd, 0.5)) / (2 * h);
            double dSd = (LogEi.value(mean, sd + h, 0.5) - LogEi.value(mean, sd - h, 0.5)) / (2 * h);
            assertEquals(dMean, out[0], 1e-5 * Math.max(1, Math.abs(dMean)), "mean " + mean);
            assertEquals(dSd, out[1], 1e-5 * Math.max(1, Math.abs(dSd)), "mean " + mean);
        }
    }
}
