package dev.tunelab.scheduler;

import dev.tunelab.core.messages.Json;
import dev.tunelab.core.messages.Topics;
import dev.tunelab.core.messages.TrialCommand;
import dev.tunelab.core.study.StudySpec;
import dev.tunelab.core.template.ModelSpec;
import dev.tunelab.store.StudyEntity;
import dev.tunelab.store.TrialEntity;
import java.util.Map;

/**
 * The run command of a trial's current attempt, made from what is stored. A retry is built the same
 * way as the first dispatch, so every attempt trains the same point on the same data.
 */
final class TrialCommands {
    private TrialCommands() {}

    /** GPU studies go to the GPU workers' topic; everything else to the CPU workers'. */
    static String topic(StudySpec spec) {
        return StudySpec.GPU.equals(spec.device()) ? Topics.TRIALS_GPU : Topics.TRIALS;
    }

    /**
     * Every attempt after the first resumes from the trial's latest checkpoint, whichever attempt
     * wrote it.
     */
    @SuppressWarnings("unchecked")
    static TrialCommand of(StudyEntity study, StudySpec spec, TrialEntity trial) {
        StudySpec.TestSplit test = spec.test();
        double testFraction = test != null && test.dataset() == null ? test.fraction() : 0;
        return new TrialCommand(
                TrialCommand.VERSION,
                trial.id,
                study.id,
                trial.number,
                trial.attempt,
                study.datasetId,
                Json.read(trial.paramsJson, Map.class),
                Json.read(trial.modelJson, ModelSpec.class),
                spec.budget().epochs(),
                spec.algorithm().seed(),
                spec.validationSplit(),
                spec.objective().metric(),
                testFraction,
                trial.attempt > 1);
    }
}
