package dev.tunelab.core.analysis;

import java.util.List;
import java.util.Map;

/**
 * Prints how long {@link FanovaImportance} takes on 5,000 trials × 10 parameters, cold and after
 * warm-up. A main rather than a test, because timing assertions fail on busy build machines. Run
 * from the module root after {@code mvn test-compile}: {@code java -cp
 * target/classes:target/test-classes:<jackson jars> dev.tunelab.core.analysis.FanovaTiming}.
 */
public final class FanovaTiming {
    private FanovaTiming() {}

    public static void main(String[] args) {
        FanovaImportanceTest.Study study = FanovaImportanceTest.tenParamStudy(5_000, 12);
        List<Map<String, Object>> params = study.params();
        for (int run = 1; run <= 20; run++) {
            long start = System.nanoTime();
            ParamImportance result =
                    FanovaImportance.evaluate(FanovaImportanceTest.TEN, params, study.objectives(), run);
            long ms = (System.nanoTime() - start) / 1_000_000;
            if (run == 1 || run % 5 == 0)
                System.out.printf(
                        "run %2d: %4d ms, top %s%n", run, ms, result.values().get(0));
        }
    }
}
