package dev.tunelab.app.hostile;

import java.util.Random;

/** Reproducible random bytes. */
final class Garbage {
    private Garbage() {}

    static byte[] bytes(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }
}
