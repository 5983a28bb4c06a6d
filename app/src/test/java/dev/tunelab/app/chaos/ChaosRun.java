package dev.tunelab.app.chaos;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * Repeats a scenario {@code chaos.repetitions} times (1 in the regular build, more from
 * {@code bench/chaos.sh}), appends its totals to {@code target/chaos-results.tsv} and fails when
 * any repetition lost or duplicated something.
 */
final class ChaosRun {
  static final Path RESULTS = Path.of("target", "chaos-results.tsv");

  private ChaosRun() {}

  interface Repetition {
    StudyAudit.Tally run(int repetition) throws Exception;
  }

  static void repeat(String scenario, Repetition repetition) throws Exception {
    int n = Integer.getInteger("chaos.repetitions", 1);
    StudyAudit.Tally total = StudyAudit.Tally.none();
    long start = System.nanoTime();
    double slowest = 0;
    for (int i = 0; i < n; i++) {
      long t0 = System.nanoTime();
      StudyAudit.Tally t = repetition.run(i);
      double seconds = (System.nanoTime() - t0) / 1e9;
      slowest = Math.max(slowest, seconds);
      System.out.printf(Locale.ROOT, "chaos %s repetition %d/%d: lost %d, duplicates %d, %.1f s %s%n",
          scenario, i + 1, n, t.lost(), t.duplicates(), seconds, t.findings());
      total = total.plus(t);
    }
    double mean = (System.nanoTime() - start) / 1e9 / n;
    String line = String.format(Locale.ROOT, "%s\t%d\t%d\t%d\t%.1f\t%.1f\t%d%n",
        scenario, n, total.lost(), total.duplicates(), mean, slowest, total.findings().size());
    write(line);
    String why = String.join("\n", total.findings());
    assertEquals(0, total.lost(), "trials lost:\n" + why);
    assertEquals(0, total.duplicates(), "duplicates:\n" + why);
    assertEquals(0, total.findings().size(), "findings:\n" + why);
  }

  private static synchronized void write(String line) throws IOException {
    Files.createDirectories(RESULTS.toAbsolutePath().getParent());
    Files.writeString(RESULTS, line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }
}
