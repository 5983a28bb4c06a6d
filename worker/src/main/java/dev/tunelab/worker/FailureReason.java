package dev.tunelab.worker;

import dev.tunelab.worker.training.TrainingFailed;
import java.util.Locale;

/**
 * The reason a FAILED event gives for an exception or error that ended a trial. Running out of
 * memory is named as such, because the user's remedy (a smaller batch or model, fewer slots per
 * worker) differs from a bug's: ND4J reports it as a Java {@link OutOfMemoryError} (the heap, or
 * JavaCPP refusing off-heap memory beyond {@code maxPhysicalBytes}), or on a GPU as a runtime
 * exception from libnd4j's allocation failure ("Failed to allocate N bytes from DEVICE memory").
 */
final class FailureReason {

    private FailureReason() {}

    static String of(Throwable failure) {
        if (failure instanceof TrainingFailed) return failure.getMessage();
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof OutOfMemoryError || isAllocationFailure(t)) return "out of memory: " + describe(t);
        }
        return describe(failure);
    }

    /**
     * Whether the failure is the API being away for a moment (a restart, a redeploy): the trial is
     * worth running again when it is back, unlike a refusal such as an unknown dataset.
     */
    static boolean apiUnavailable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.net.ConnectException
                    || t instanceof java.net.http.HttpTimeoutException
                    || t instanceof java.io.EOFException) {
                return true;
            }
            String m = t.getMessage() == null ? "" : t.getMessage();
            if (t instanceof java.io.IOException && m.matches("(?s).* failed with HTTP 50[234]\\b.*")) return true;
        }
        return false;
    }

    private static boolean isAllocationFailure(Throwable t) {
        String m = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
        return m.contains("allocate") && (m.contains("memory") || m.contains("bytes"));
    }

    private static String describe(Throwable t) {
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }
}
