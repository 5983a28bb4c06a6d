package dev.tunelab.app.chaos;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * Repeats a scenario {@code chaos.repetitions} times (1 in the regular build, more from {@code
 * bench/chaos.sh}), appends its totals to {@code target/chaos-results.tsv} and fails when any
 * repetition lost or duplicated something. A repetition that throws (the harness could not submit,
 * wait for or audit its study) counts as having lost all of its study's trials and goes on the
 * record as thrown; the scenario carries on with the next repetition.
 */
final class ChaosRun {
    static final Path RESULTS = Path.of("target", "chaos-results.tsv");

    private ChaosRun() {}

    interface Repetition {
        StudyAudit.Tally run(int repetition) throws Exception;
    }

    /** What the repetitions of one scenario came to. */
    record Summary(
            String scenario,
            int repetitions,
            int thrown,
            StudyAudit.Tally total,
            double meanSeconds,
            double slowestSeconds) {
        String line() {
            return String.format(
                    Locale.ROOT,
                    "%s\t%d\t%d\t%d\t%.1f\t%.1f\t%d\t%d%n",
                    scenario,
                    repetitions,
                    total.lost(),
                    total.duplicates(),
                    meanSeconds,
                    slowestSeconds,
                    total.findings().size(),
                    thrown);
        }
    }

    static void repeat(String scenario, Repetition repetition) throws Exception {
        Summary s = run(scenario, Integer.getInteger("chaos.repetitions", 1), repetition, System.out);
        write(s.line());
        String why = String.join("\n", s.total().findings());
        assertEquals(0, s.total().lost(), "trials lost:\n" + why);
        assertEquals(0, s.total().duplicates(), "duplicates:\n" + why);
        assertEquals(0, s.total().findings().size(), "findings:\n" + why);
    }

    static Summary run(String scenario, int n, Repetition repetition, PrintStream log) {
        StudyAudit.Tally total = StudyAudit.Tally.none();
        long start = System.nanoTime();
        double slowest = 0;
        int thrown = 0;
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            StudyAudit.Tally t;
            try {
                t = repetition.run(i);
            } catch (Exception | AssertionError e) {
                thrown++;
                t = StudyAudit.Tally.thrown(i, e);
                e.printStackTrace(log);
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            slowest = Math.max(slowest, seconds);
            log.printf(
                    Locale.ROOT,
                    "chaos %s repetition %d/%d: lost %d, duplicates %d, %.1f s %s%n",
                    scenario,
                    i + 1,
                    n,
                    t.lost(),
                    t.duplicates(),
                    seconds,
                    t.findings());
            total = total.plus(t);
        }
        return new Summary(scenario, n, thrown, total, (System.nanoTime() - start) / 1e9 / n, slowest);
    }

    private static synchronized void write(String line) throws IOException {
        Files.createDirectories(RESULTS.toAbsolutePath().getParent());
        Files.writeString(RESULTS, line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
