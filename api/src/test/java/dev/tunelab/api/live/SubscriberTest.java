package dev.tunelab.api.live;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SubscriberTest {
    private static final UUID A = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    private static final UUID B = UUID.fromString("00000000-0000-0000-0000-00000000000b");

    private static Change study(long seq, UUID id) {
        return new Change("study", seq, id.toString(), null, "RUNNING", null, null, project(id));
    }

    private static Change trial(long seq, UUID id, int number, int epochs) {
        return new Change("trial", seq, id.toString(), number, "RUNNING", epochs, null, project(id));
    }

    /** Study A is project p's, B project q's. */
    private static String project(UUID id) {
        return id.equals(A) ? "p" : "q";
    }

    @Test
    void aStudysStreamGetsEveryChangeOfThatStudyOnly() {
        List<Change> changes = List.of(study(1, A), trial(2, A, 0, 1), trial(3, B, 0, 1), trial(4, A, 0, 2));
        Subscriber one = new Subscriber(A, null, null, null);
        assertEquals(List.of(changes.get(0), changes.get(1), changes.get(3)), one.select(changes));
    }

    @Test
    void theAllStudiesStreamGetsStudyChangesAndTheLatestTrialChangePerStudy() {
        List<Change> changes =
                List.of(trial(1, A, 0, 1), study(2, B), trial(3, B, 1, 1), trial(4, A, 1, 3), trial(5, B, 1, 2));
        Subscriber all = new Subscriber(null, null, null, null);
        assertEquals(List.of(changes.get(1), changes.get(3), changes.get(4)), all.select(changes));
    }

    @Test
    void nothingChangedSendsNothing() {
        assertEquals(List.of(), new Subscriber(null, null, null, null).select(List.of()));
    }

    @Test
    void aStreamSeesOnlyItsProjectsChanges() {
        List<Change> changes = List.of(study(1, A), trial(2, B, 0, 1), study(3, B), trial(4, A, 0, 2));
        Subscriber p = new Subscriber(null, Set.of("p"), null, null);
        assertEquals(List.of(changes.get(0), changes.get(3)), p.select(changes));
        Subscriber other = new Subscriber(B, Set.of("p"), null, null);
        assertEquals(List.of(), other.select(changes));
    }
}
