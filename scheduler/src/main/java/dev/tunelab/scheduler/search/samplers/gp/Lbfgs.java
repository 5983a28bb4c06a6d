package dev.tunelab.scheduler.search.samplers.gp;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Minimizes a smooth function inside a box with limited-memory BFGS: the quasi-Newton direction is
 * taken over the variables not held at a bound, and each step is projected back into the box with a
 * backtracking (Armijo) search along the projected path. This is the projected L-BFGS of Kim, Sra
 * and Dhillon ("Tackling box-constrained optimization via a new projected quasi-Newton approach",
 * SIAM J. Sci. Comput. 2010); simpler than L-BFGS-B's Cauchy point and subspace minimization, and
 * as good for the few-dozen-variable problems here (kernel hyperparameters and acquisition
 * maximization). Deterministic: no randomness, no threads.
 */
final class Lbfgs {
    /**
     * The value at x; writes the gradient into {@code grad}. May return +infinity or NaN to reject x.
     */
    interface Objective {
        double valueAndGradient(double[] x, double[] grad);
    }

    /** Where the search ended and the value there. */
    record Result(double[] x, double value) {}

    private static final int MEMORY = 8;
    private static final double ARMIJO = 1e-4;

    private final int maxIterations;
    private final double tolerance;

    /**
     * @param maxIterations quasi-Newton steps at most
     * @param tolerance stop when the projected gradient's largest component or the relative decrease
     *     of the value falls below it
     */
    Lbfgs(int maxIterations, double tolerance) {
        this.maxIterations = maxIterations;
        this.tolerance = tolerance;
    }

    Result minimize(Objective f, double[] start, double[] lower, double[] upper) {
        int n = start.length;
        double[] x = start.clone();
        project(x, lower, upper);
        double[] g = new double[n];
        double fx = f.valueAndGradient(x, g);
        if (!Double.isFinite(fx)) return new Result(x, Double.POSITIVE_INFINITY);
        Deque<double[][]> memory = new ArrayDeque<>();
        double[] dir = new double[n];
        double[] trial = new double[n];
        double[] gTrial = new double[n];
        for (int it = 0; it < maxIterations; it++) {
            boolean[] free = freeVariables(x, g, lower, upper);
            if (projectedGradientNorm(x, g, lower, upper) < tolerance) break;
            direction(g, free, memory, dir);
            double slope = dot(dir, g);
            if (!(slope < 0)) {
                // The curvature memory points uphill (possible once bounds change the free set): restart
                // from steepest descent.
                memory.clear();
                for (int i = 0; i < n; i++) dir[i] = free[i] ? -g[i] : 0;
                slope = dot(dir, g);
                if (!(slope < 0)) break;
            }
            // The first step of a fresh memory is scaled so it moves at most one unit in any coordinate.
            double step = memory.isEmpty() ? Math.min(1, 1 / maxAbs(dir)) : 1;
            double fTrial = Double.NaN;
            boolean accepted = false;
            for (int back = 0; back < 30; back++) {
                for (int i = 0; i < n; i++) trial[i] = x[i] + step * dir[i];
                project(trial, lower, upper);
                fTrial = f.valueAndGradient(trial, gTrial);
                double decrease = 0;
                for (int i = 0; i < n; i++) decrease += g[i] * (trial[i] - x[i]);
                if (Double.isFinite(fTrial) && fTrial <= fx + ARMIJO * decrease) {
                    accepted = true;
                    break;
                }
                step *= 0.5;
            }
            if (!accepted) break;
            double[] s = new double[n];
            double[] y = new double[n];
            double sy = 0;
            for (int i = 0; i < n; i++) {
                s[i] = trial[i] - x[i];
                y[i] = gTrial[i] - g[i];
                sy += s[i] * y[i];
            }
            if (sy > 1e-12 * Math.sqrt(dot(s, s) * dot(y, y))) {
                memory.addLast(new double[][] {s, y});
                if (memory.size() > MEMORY) memory.removeFirst();
            }
            double previous = fx;
            System.arraycopy(trial, 0, x, 0, n);
            System.arraycopy(gTrial, 0, g, 0, n);
            fx = fTrial;
            if (previous - fx <= tolerance * Math.max(1, Math.abs(fx))) break;
        }
        return new Result(x, fx);
    }

    /** Variables at a bound whose gradient pushes further out stay fixed for this step. */
    private static boolean[] freeVariables(double[] x, double[] g, double[] lower, double[] upper) {
        boolean[] free = new boolean[x.length];
        for (int i = 0; i < x.length; i++) {
            free[i] = !((x[i] <= lower[i] && g[i] > 0) || (x[i] >= upper[i] && g[i] < 0));
        }
        return free;
    }

    /**
     * The two-loop recursion (Nocedal and Wright, Algorithm 7.4) restricted to the free variables.
     */
    private static void direction(double[] g, boolean[] free, Deque<double[][]> memory, double[] dir) {
        int n = g.length;
        double[] q = new double[n];
        for (int i = 0; i < n; i++) q[i] = free[i] ? g[i] : 0;
        double[][][] pairs = memory.toArray(new double[0][][]);
        double[] alpha = new double[pairs.length];
        double[] rho = new double[pairs.length];
        for (int k = pairs.length - 1; k >= 0; k--) {
            double[] s = pairs[k][0];
            double[] y = pairs[k][1];
            double sy = freeDot(s, y, free);
            rho[k] = sy > 0 ? 1 / sy : 0;
            alpha[k] = rho[k] * freeDot(s, q, free);
            for (int i = 0; i < n; i++) if (free[i]) q[i] -= alpha[k] * y[i];
        }
        double gamma = 1;
        if (pairs.length > 0) {
            double[] s = pairs[pairs.length - 1][0];
            double[] y = pairs[pairs.length - 1][1];
            double yy = freeDot(y, y, free);
            double sy = freeDot(s, y, free);
            if (yy > 0 && sy > 0) gamma = sy / yy;
        }
        for (int i = 0; i < n; i++) q[i] *= gamma;
        for (int k = 0; k < pairs.length; k++) {
            double beta = rho[k] * freeDot(pairs[k][1], q, free);
            for (int i = 0; i < n; i++) if (free[i]) q[i] += pairs[k][0][i] * (alpha[k] - beta);
        }
        for (int i = 0; i < n; i++) dir[i] = free[i] ? -q[i] : 0;
    }

    private static double projectedGradientNorm(double[] x, double[] g, double[] lower, double[] upper) {
        double worst = 0;
        for (int i = 0; i < x.length; i++) {
            double moved = Math.min(upper[i], Math.max(lower[i], x[i] - g[i])) - x[i];
            worst = Math.max(worst, Math.abs(moved));
        }
        return worst;
    }

    private static void project(double[] x, double[] lower, double[] upper) {
        for (int i = 0; i < x.length; i++) x[i] = Math.min(upper[i], Math.max(lower[i], x[i]));
    }

    private static double freeDot(double[] a, double[] b, boolean[] free) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) if (free[i]) sum += a[i] * b[i];
        return sum;
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) sum += a[i] * b[i];
        return sum;
    }

    private static double maxAbs(double[] a) {
        double m = 1e-300;
        for (double v : a) m = Math.max(m, Math.abs(v));
        return m;
    }
}
