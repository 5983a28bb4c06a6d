package dev.tunelab.worker.training;

import java.util.Arrays;
import java.util.Random;

/** Which training rows an epoch visits, and in what order. */
final class RowOrder {
    private RowOrder() {}

    /** A fresh seeded order of the training rows (Fisher–Yates). */
    static int[] shuffled(int[] rows, Random rnd) {
        int[] order = Arrays.copyOf(rows, rows.length);
        for (int i = order.length - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    /**
     * {@code rows} itself when it has at most {@code cap} entries, else {@code cap} of them at even
     * steps.
     */
    static int[] evenlySpread(int[] rows, int cap) {
        if (rows.length <= cap) return rows;
        int[] out = new int[cap];
        for (int i = 0; i < cap; i++) out[i] = rows[(int) ((long) i * rows.length / cap)];
        return out;
    }
}
