package dev.tunelab.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tunelab.core.study.StudyStatus;
import dev.tunelab.core.study.TrialStatus;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import org.junit.jupiter.api.Test;

/**
 * Statuses are stored by name: an ordinal column would change meaning the day a status is added in
 * the middle of an enum, and the SQL that filters on 'COMPLETED' or 'RUNNING' reads names.
 */
class StatusColumnsTest {
    @Test
    void studyAndTrialStatusesAreStoredByName() throws NoSuchFieldException {
        var study = StudyEntity.class.getField("status");
        var trial = TrialEntity.class.getField("status");
        assertEquals(StudyStatus.class, study.getType());
        assertEquals(TrialStatus.class, trial.getType());
        assertEquals(EnumType.STRING, study.getAnnotation(Enumerated.class).value());
        assertEquals(EnumType.STRING, trial.getAnnotation(Enumerated.class).value());
    }

    @Test
    void aTrialsStateIsItsStatus() {
        TrialEntity t = new TrialEntity();
        for (TrialStatus s : TrialStatus.values()) {
            t.state(s);
            assertEquals(s, t.status);
            assertEquals(s, t.state());
        }
    }
}
