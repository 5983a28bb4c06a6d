package dev.tunelab.worker.training;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.preprocessor.DataNormalization;
import org.nd4j.linalg.dataset.api.preprocessor.ImagePreProcessingScaler;
import org.nd4j.linalg.dataset.api.preprocessor.NormalizerStandardize;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A fitted normalizer's arithmetic, done while rows are copied into a minibatch instead of as ND4J
 * ops on the finished array. On a small network every op counts: the normalizer's broadcast
 * subtract and divide cost more than the copy itself. The numbers are the normalizer's own, to the
 * bit (the same float subtraction and division; {@code InputScalingTest} checks it against {@link
 * DataNormalization#preProcess}), so a saved model with its normalizer sees exactly what training
 * saw.
 */
final class InputScaling {
    /** Per feature; an image's single divisor is one entry. */
    private final float[] shift;

    private final float[] divisor;

    private InputScaling(float[] shift, float[] divisor) {
        this.shift = shift;
        this.divisor = divisor;
    }

    /**
     * The arithmetic of {@code n}, or null when {@code n} is null or of a kind this class does not
     * know (the caller then runs {@code n.preProcess} on the finished array).
     */
    static InputScaling of(DataNormalization n) {
        if (n instanceof NormalizerStandardize s && s.getMean() != null && s.getStd() != null) {
            return new InputScaling(s.getMean().toFloatVector(), s.getStd().toFloatVector());
        }
        if (n instanceof ImagePreProcessingScaler scaler && scalesTo01From255(scaler)) {
            return new InputScaling(new float[] {0f}, new float[] {255f});
        }
        return null;
    }

    /** The scaler's settings are private; what it does to 0 and 255 tells them. */
    private static boolean scalesTo01From255(ImagePreProcessingScaler scaler) {
        INDArray probe = Nd4j.createFromArray(0f, 255f, 51f);
        scaler.preProcess(probe);
        float[] v = probe.toFloatVector();
        return v[0] == 0f && v[1] == 1f && v[2] == 51f / 255f;
    }

    /** {@code x} scaled as feature {@code feature} (0 for images). */
    float apply(float x, int feature) {
        return (x - shift[feature]) / divisor[feature];
    }
}
