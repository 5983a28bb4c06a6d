package dev.tunelab.bench;

import dev.tunelab.core.space.Param;
import dev.tunelab.core.space.SearchSpace;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Functions with known minima for comparing samplers, each over its usual domain, all minimized.
 * Definitions and minima follow Surjanovic and Bingham's Virtual Library of Simulation Experiments
 * (sfu.ca/~ssurjano); {@link #MIXED} is ours, for integer and categorical parameters.
 */
public enum TestFunction {
    // The tuning set: the functions looked at while the samplers were designed.
    BRANIN(0.397887) {
        @Override
        SearchSpace space() {
            return floats(new double[] {-5, 0}, new double[] {10, 15});
        }

        @Override
        double at(double[] x) {
            double a = 1;
            double b = 5.1 / (4 * Math.PI * Math.PI);
            double c = 5 / Math.PI;
            double t = 1 / (8 * Math.PI);
            double inner = x[1] - b * x[0] * x[0] + c * x[0] - 6;
            return a * inner * inner + 10 * (1 - t) * Math.cos(x[0]) + 10;
        }
    },
    HARTMANN6(-3.32237) {
        private static final double[] ALPHA = {1.0, 1.2, 3.0, 3.2};
        private static final double[][] A = {
            {10, 3, 17, 3.5, 1.7, 8},
            {0.05, 10, 17, 0.1, 8, 14},
            {3, 3.5, 1.7, 10, 17, 8},
            {17, 8, 0.05, 10, 0.1, 14}
        };
        private static final double[][] P = {
            {1312, 1696, 5569, 124, 8283, 5886}, {2329, 4135, 8307, 3736, 1004, 9991},
            {2348, 1451, 3522, 2883, 3047, 6650}, {4047, 8828, 8732, 5743, 1091, 381}
        };

        @Override
        SearchSpace space() {
            return floats(new double[6], new double[] {1, 1, 1, 1, 1, 1});
        }

        @Override
        double at(double[] x) {
            double sum = 0;
            for (int i = 0; i < 4; i++) {
                double inner = 0;
                for (int j = 0; j < 6; j++) inner += A[i][j] * Math.pow(x[j] - P[i][j] * 1e-4, 2);
                sum += ALPHA[i] * Math.exp(-inner);
            }
            return -sum;
        }
    },
    ROSENBROCK2(0) {
        @Override
        SearchSpace space() {
            return floats(new double[] {-5, -5}, new double[] {10, 10});
        }

        @Override
        double at(double[] x) {
            return 100 * Math.pow(x[1] - x[0] * x[0], 2) + Math.pow(x[0] - 1, 2);
        }
    },
    ACKLEY5(0) {
        @Override
        SearchSpace space() {
            return cube(5, -32.768, 32.768);
        }

        @Override
        double at(double[] x) {
            double squares = 0;
            double cosines = 0;
            for (double v : x) {
                squares += v * v;
                cosines += Math.cos(2 * Math.PI * v);
            }
            int d = x.length;
            return -20 * Math.exp(-0.2 * Math.sqrt(squares / d)) - Math.exp(cosines / d) + 20 + Math.E;
        }
    },
    LEVY5(0) {
        @Override
        SearchSpace space() {
            return cube(5, -10, 10);
        }

        @Override
        double at(double[] x) {
            int d = x.length;
            double[] w = new double[d];
            for (int i = 0; i < d; i++) w[i] = 1 + (x[i] - 1) / 4;
            double sum = Math.pow(Math.sin(Math.PI * w[0]), 2);
            for (int i = 0; i < d - 1; i++) {
                sum += Math.pow(w[i] - 1, 2) * (1 + 10 * Math.pow(Math.sin(Math.PI * w[i] + 1), 2));
            }
            sum += Math.pow(w[d - 1] - 1, 2) * (1 + Math.pow(Math.sin(2 * Math.PI * w[d - 1]), 2));
            return sum;
        }
    },
    /** A float, two integers and a categorical; minimum 0 at x = 1, n = 7, m = -3, shape "quad". */
    MIXED(0) {
        @Override
        SearchSpace space() {
            Map<String, Param> p = new LinkedHashMap<>();
            p.put("x", new Param.FloatParam(-5, 5, false));
            p.put("n", new Param.IntParam(0, 20, 1));
            p.put("m", new Param.IntParam(-10, 10, 1));
            p.put("shape", new Param.ChoiceParam(List.of("sin", "quad", "abs")));
            return new SearchSpace(p);
        }

        @Override
        public double value(Map<String, Object> point) {
            double x = (Double) point.get("x");
            int n = (Integer) point.get("n");
            int m = (Integer) point.get("m");
            double shape = switch ((String) point.get("shape")) {
                case "quad" -> 0;
                case "sin" -> 0.5 + 0.5 * Math.abs(Math.sin(x));
                default -> 1 + Math.abs(x - 1);
            };
            return Math.pow(x - 1, 2) + Math.pow(n - 7, 2) / 10 + Math.abs(m + 3) / 2.0 + shape;
        }

        @Override
        double at(double[] x) {
            throw new UnsupportedOperationException("MIXED is evaluated on named parameters");
        }
    },

    // The held-out set: fixed in docs/benchmarks.md before any sampler was run on them, never used
    // to choose a sampler's design or settings. One each of more dimensions, plateaus, many local
    // minima and a mixed space shaped like a network's training settings.

    /** Styblinski-Tang in 10 dimensions on [-5, 5]: more dimensions than any tuning function. */
    STYBLINSKI10(-391.66165703771415, true) {
        @Override
        SearchSpace space() {
            return cube(10, -5, 5);
        }

        @Override
        double at(double[] x) {
            double sum = 0;
            for (double v : x) sum += v * v * v * v - 16 * v * v + 5 * v;
            return sum / 2;
        }
    },
    /**
     * De Jong's step function in 5 dimensions on [-5.12, 5.12]: flat plateaus, no gradient to follow.
     */
    STEP5(0, true) {
        @Override
        SearchSpace space() {
            return cube(5, -5.12, 5.12);
        }

        @Override
        double at(double[] x) {
            double sum = 0;
            for (double v : x) {
                double s = Math.floor(v + 0.5);
                sum += s * s;
            }
            return sum;
        }
    },
    /** Rastrigin in 4 dimensions on [-5.12, 5.12]: a regular lattice of about 10^4 local minima. */
    RASTRIGIN4(0, true) {
        @Override
        SearchSpace space() {
            return cube(4, -5.12, 5.12);
        }

        @Override
        double at(double[] x) {
            double sum = 10 * x.length;
            for (double v : x) sum += v * v - 10 * Math.cos(2 * Math.PI * v);
            return sum;
        }
    },
    /**
     * A made-up validation error over a network's training settings: a categorical optimizer whose
     * best log learning rate differs and moves with a numeric choice of batch size, integer depth and
     * width, a dropout whose best value grows with width, and an activation that hurts deep networks.
     * Minimum 0 at adam, lr = 1e-3, batch 32, 3 layers, 128 units, dropout 1/3, relu.
     */
    HPO_MIXED(0, true) {
        @Override
        SearchSpace space() {
            Map<String, Param> p = new LinkedHashMap<>();
            p.put("optimizer", new Param.ChoiceParam(List.of("sgd", "momentum", "adam", "rmsprop")));
            p.put("lr", new Param.FloatParam(1e-5, 1, true));
            p.put("batch", new Param.ChoiceParam(List.of(16, 32, 64, 128, 256)));
            p.put("layers", new Param.IntParam(1, 6, 1));
            p.put("units", new Param.IntParam(8, 512, 1));
            p.put("dropout", new Param.FloatParam(0, 0.7, false));
            p.put("activation", new Param.ChoiceParam(List.of("relu", "tanh", "sigmoid")));
            return new SearchSpace(p);
        }

        @Override
        public double value(Map<String, Object> point) {
            String optimizer = (String) point.get("optimizer");
            double lr = ((Number) point.get("lr")).doubleValue();
            int batch = ((Number) point.get("batch")).intValue();
            int layers = ((Number) point.get("layers")).intValue();
            int units = ((Number) point.get("units")).intValue();
            double dropout = ((Number) point.get("dropout")).doubleValue();
            String activation = (String) point.get("activation");
            double base = switch (optimizer) {
                case "sgd" -> 0.04;
                case "momentum" -> 0.01;
                case "adam" -> 0;
                default -> 0.005;
            };
            double bestLogLr = switch (optimizer) {
                        case "sgd" -> -1.0;
                        case "momentum" -> -1.8;
                        case "adam" -> -3.0;
                        default -> -3.3;
                    }
                    + 0.5 * Math.log10(batch / 32.0);
            double width = Math.log(units) / Math.log(2);
            double bestDropout = 0.5 * (width - 3) / 6;
            double act = switch (activation) {
                case "relu" -> 0;
                case "tanh" -> 0.01;
                default -> 0.02 + 0.01 * Math.max(0, layers - 2);
            };
            return base
                    + 0.05 * Math.pow(Math.log10(lr) - bestLogLr, 2)
                    + 0.004 * Math.abs(Math.log(batch / 32.0) / Math.log(2))
                    + 0.01 * Math.pow(layers - 3, 2)
                    + 0.01 * Math.pow(width - 7, 2)
                    + 0.2 * Math.pow(dropout - bestDropout, 2)
                    + act;
        }

        @Override
        double at(double[] x) {
            throw new UnsupportedOperationException("HPO_MIXED is evaluated on named parameters");
        }
    };

    private final double minimum;
    private final boolean heldOut;

    TestFunction(double minimum) {
        this(minimum, false);
    }

    TestFunction(double minimum, boolean heldOut) {
        this.minimum = minimum;
        this.heldOut = heldOut;
    }

    /** Whether the function is in the held-out set, which no sampler's design was chosen on. */
    public boolean heldOut() {
        return heldOut;
    }

    /** The global minimum, for regret tables. */
    public double minimum() {
        return minimum;
    }

    abstract SearchSpace space();

    /** The search space a sampler sees; continuous functions use parameters x0, x1, .... */
    public SearchSpace searchSpace() {
        return space();
    }

    abstract double at(double[] x);

    /** The value at a point a sampler suggested. */
    public double value(Map<String, Object> point) {
        double[] x = new double[point.size()];
        for (int i = 0; i < x.length; i++) x[i] = ((Number) point.get("x" + i)).doubleValue();
        return at(x);
    }

    static SearchSpace floats(double[] lo, double[] hi) {
        Map<String, Param> p = new LinkedHashMap<>();
        for (int i = 0; i < lo.length; i++) p.put("x" + i, new Param.FloatParam(lo[i], hi[i], false));
        return new SearchSpace(p);
    }

    static SearchSpace cube(int d, double lo, double hi) {
        double[] l = new double[d];
        double[] h = new double[d];
        java.util.Arrays.fill(l, lo);
        java.util.Arrays.fill(h, hi);
        return floats(l, h);
    }
}
