package dev.tunelab.scheduler.search.samplers.gp;

/**
 * The kernel's hyperparameters on the model's scales (inputs in the unit cube, outputs
 * standardized): one lengthscale per parameter, the signal variance and the observation noise
 * variance.
 */
record Hyperparameters(double[] lengthscales, double signal, double noise) {

    Hyperparameters {
        lengthscales = lengthscales.clone();
    }

    /** From the log-space vector the fit optimizes: log lengthscales, log signal, log noise. */
    static Hyperparameters fromLog(double[] theta) {
        int g = theta.length - 2;
        double[] l = new double[g];
        for (int i = 0; i < g; i++) l[i] = Math.exp(theta[i]);
        return new Hyperparameters(l, Math.exp(theta[g]), Math.exp(theta[g + 1]));
    }
}
