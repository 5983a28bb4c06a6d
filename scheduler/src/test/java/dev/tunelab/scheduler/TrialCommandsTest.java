package dev.tunelab.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunelab.core.messages.Json;
import dev.tunelab.core.messages.TrialCommand;
import dev.tunelab.core.search.PrunerSpec;
import dev.tunelab.core.space.SearchSpace;
import dev.tunelab.core.study.Direction;
import dev.tunelab.core.study.StudySpec;
import dev.tunelab.core.template.ModelSpec;
import dev.tunelab.store.StudyEntity;
import dev.tunelab.store.TrialEntity;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TrialCommandsTest {
    static final ModelSpec MODEL = new ModelSpec(
                    List.of(new ModelSpec.Layer("Dense", Map.of("units", 8, "activation", "relu"))),
                    new ModelSpec.Output(3, "softmax", "categorical_crossentropy"),
                    "adam",
                    0.01,
                    16)
            .withShape(List.of(4), 75);

    static StudySpec spec(StudySpec.TestSplit test) {
        return new StudySpec(
                "s",
                "iris",
                new StudySpec.Objective("val_accuracy", Direction.MAXIMIZE),
                new StudySpec.Algorithm("random", 42),
                new StudySpec.Budget(10, 2, 7, 3),
                0.25,
                new SearchSpace(Map.of()),
                null,
                PrunerSpec.NONE,
                null,
                test,
                StudySpec.CPU);
    }

    static StudyEntity study() {
        StudyEntity s = new StudyEntity();
        s.id = UUID.randomUUID();
        s.datasetId = "iris";
        return s;
    }

    static TrialEntity trial(int attempt) {
        TrialEntity t = new TrialEntity();
        t.id = UUID.randomUUID();
        t.number = 4;
        t.attempt = attempt;
        t.paramsJson = "{\"lr\": 0.01}";
        t.modelJson = Json.write(MODEL);
        return t;
    }

    @Test
    void aFirstAttemptStartsFresh() {
        StudyEntity s = study();
        TrialEntity t = trial(1);
        TrialCommand c = TrialCommands.of(s, spec(new StudySpec.TestSplit(0.1, null)), t);
        assertEquals(
                new TrialCommand(
                        TrialCommand.VERSION,
                        t.id,
                        s.id,
                        4,
                        1,
                        "iris",
                        Map.of("lr", 0.01),
                        MODEL,
                        7,
                        42,
                        0.25,
                        "val_accuracy",
                        0.1,
                        false),
                c);
    }

    @Test
    void aRetryTrainsTheSamePointAndResumes() {
        StudyEntity s = study();
        TrialEntity t = trial(1);
        StudySpec spec = spec(new StudySpec.TestSplit(0.1, null));
        TrialCommand first = TrialCommands.of(s, spec, t);
        t.attempt = 2;
        TrialCommand retry = TrialCommands.of(s, spec, t);
        assertTrue(retry.resume());
        assertEquals(2, retry.attempt());
        assertEquals(
                new TrialCommand(
                        first.version(),
                        first.trialId(),
                        first.studyId(),
                        first.number(),
                        2,
                        first.datasetId(),
                        first.params(),
                        first.model(),
                        first.epochs(),
                        first.seed(),
                        first.validationSplit(),
                        first.objectiveMetric(),
                        first.testFraction(),
                        true),
                retry);
    }

    @Test
    void aSeparateTestDatasetHoldsNothingOut() {
        assertEquals(
                0,
                TrialCommands.of(study(), spec(new StudySpec.TestSplit(0, "iris-test")), trial(1))
                        .testFraction());
        assertFalse(TrialCommands.of(study(), spec(null), trial(1)).resume());
    }
}
