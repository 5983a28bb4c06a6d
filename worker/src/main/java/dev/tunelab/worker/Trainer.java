package dev.tunelab.worker;

import dev.tunelab.core.data.Samples;
import dev.tunelab.core.messages.TrialCommand;
import dev.tunelab.worker.training.Checkpoint;
import dev.tunelab.worker.training.EpochListener;
import dev.tunelab.worker.training.TrainingResult;
import dev.tunelab.worker.training.TrialTrainer;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * What a trial slot calls to train one attempt: DL4J ({@link TrialTrainer}) in every real
 * deployment, {@link NoopTrainer} when a benchmark or test measures the service alone.
 */
@FunctionalInterface
interface Trainer {
    TrainingResult train(
            TrialCommand cmd,
            Samples data,
            Checkpoint resumeFrom,
            EpochListener listener,
            Consumer<Checkpoint> checkpoints,
            BooleanSupplier stopRequested);

    /** {@code noop} is {@code tunelab.worker.noop-trainer}: bench and test setting only. */
    static Trainer of(boolean noop) {
        if (noop) {
            NoopTrainer none = new NoopTrainer();
            return (cmd, data, resumeFrom, listener, checkpoints, stop) -> none.train(cmd, resumeFrom, listener, stop);
        }
        TrialTrainer dl4j = new TrialTrainer();
        return dl4j::train;
    }
}
