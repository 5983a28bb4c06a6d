package dev.tunelab.api.live;

import java.util.ArrayDeque;

/**
 * Where to resume reading {@code change_seq}: a sequence number is taken when a row changes but
 * seen only when its transaction commits, so a slow transaction can show up below numbers already
 * read. Resuming from what had been read a short window ago, and skipping rows already seen,
 * catches those late rows. Not thread-safe; one reader owns it.
 */
public final class Lookback {
    private final long windowNanos;
    private final ArrayDeque<long[]> marks = new ArrayDeque<>();

    public Lookback(long windowNanos) {
        this.windowNanos = windowNanos;
    }

    /**
     * Notes that everything up to {@code seq} has been read, and returns the number to read after.
     */
    public long floor(long seq) {
        long now = System.nanoTime();
        marks.addLast(new long[] {now, seq});
        // Keep the newest mark that is at least a window old at the head; older ones are no longer
        // needed.
        while (marks.size() > 1) {
            long[] head = marks.pollFirst();
            if (now - marks.peekFirst()[0] < windowNanos) {
                marks.addFirst(head);
                break;
            }
        }
        return marks.peekFirst()[1];
    }
}
