package dev.tunelab.app.chaos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The chaos harness's bookkeeping: a repetition that throws is counted, not lost from the record.
 */
class ChaosRunTest {

    @Test
    void aThrownRepetitionCountsAsLostAndTheOthersStillRun() {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        ChaosRun.Summary s = ChaosRun.run(
                "test",
                3,
                rep -> {
                    if (rep == 1) throw new java.io.IOException("study refused: 503");
                    return new StudyAudit.Tally(0, rep == 2 ? 1 : 0, rep == 2 ? List.of("trial 4 twice") : List.of());
                },
                new PrintStream(log, true, StandardCharsets.UTF_8));
        assertEquals(3, s.repetitions());
        assertEquals(1, s.thrown());
        assertEquals(ChaosStudy.TRIALS, s.total().lost());
        assertEquals(1, s.total().duplicates());
        assertEquals(
                List.of("repetition 2 threw java.io.IOException: study refused: 503", "trial 4 twice"),
                s.total().findings());
        String printed = log.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("chaos test repetition 3/3"), printed);
        assertTrue(s.line().startsWith("test\t3\t" + ChaosStudy.TRIALS + "\t1\t"), s.line());
        assertTrue(s.line().endsWith("\t2\t1\n"), "findings, then repetitions that threw: " + s.line());
    }

    @Test
    void aFailedAssertionInsideARepetitionIsCountedToo() {
        ChaosRun.Summary s = ChaosRun.run(
                "test",
                2,
                rep -> {
                    throw new AssertionError("no running trial within 2 minutes");
                },
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertEquals(2, s.thrown());
        assertEquals(2 * ChaosStudy.TRIALS, s.total().lost());
    }
}
