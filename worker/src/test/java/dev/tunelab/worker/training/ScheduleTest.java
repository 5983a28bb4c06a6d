package dev.tunelab.worker.training;

import static dev.tunelab.worker.training.Specs.layer;
import static dev.tunelab.worker.training.Specs.softmax;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tunelab.core.data.DatasetKind;
import dev.tunelab.core.template.ModelSpec;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.schedule.ISchedule;

class ScheduleTest {

    private static double at(ISchedule s, int epoch) {
        return s.valueAt(1000, epoch);
    }

    @Test
    void stepExponentialAndCosineRatesPerEpoch() {
        ISchedule step = Optimizers.schedule(new ModelSpec.Schedule("step", 0.5, 2, 0), 0.1);
        double[] expected = {0.1, 0.1, 0.05, 0.05, 0.025};
        for (int e = 0; e < expected.length; e++) assertEquals(expected[e], at(step, e), 1e-12, "step " + e);

        ISchedule exp = Optimizers.schedule(new ModelSpec.Schedule("exponential", 0.5, 2, 0), 0.1);
        for (int e = 0; e < 6; e++) assertEquals(0.1 * Math.pow(0.5, e / 2.0), at(exp, e), 1e-12, "exponential " + e);

        ISchedule cosine = Optimizers.schedule(new ModelSpec.Schedule("cosine", 0, 4, 0.1), 0.1);
        assertEquals(0.1, at(cosine, 0), 1e-12);
        assertEquals(0.1 * (0.9 * 0.5 + 0.1), at(cosine, 2), 1e-12);
        assertEquals(0.01, at(cosine, 4), 1e-12);
        assertEquals(0.01, at(cosine, 9), 1e-12);
    }

    @Test
    void theNetworkTrainsAtTheScheduledRateAsEpochsAdvance() {
        ModelSpec spec = new ModelSpec(
                List.of(layer("Dense", "units", 3)),
                softmax(2),
                "sgd",
                0.1,
                4,
                Map.of("momentum", 0.0, "nesterov", false),
                new ModelSpec.Schedule("step", 0.5, 1, 0),
                List.of(2),
                0);
        MultiLayerNetwork net = NetworkFactory.build(spec, DatasetKind.TABLE, List.of(2), 1);
        for (int epoch = 0; epoch < 3; epoch++) {
            net.fit(
                    Nd4j.rand(DataType.FLOAT, 4, 2),
                    Nd4j.eye(2).getRows(0, 1, 0, 1).castTo(DataType.FLOAT));
            assertEquals(0.1 * Math.pow(0.5, epoch), net.getLearningRate(0), 1e-9, "epoch " + epoch);
            net.incrementEpochCount();
        }
    }
}
