package dev.tunelab.scheduler.search.samplers;

/**
 * A random digital shift of Sobol points (Owen 1997, §2): XOR each coordinate's bits with a fixed
 * random word, which keeps the net's balance while moving it off the origin. Commons Math computes
 * each coordinate as a 52-bit integer divided by 2^52, so the shift works on those 52 bits.
 */
public final class DigitalShift {
    private static final int BITS = 52;
    private static final double SCALE = Math.pow(2, BITS);
    private static final long MASK = (1L << BITS) - 1;

    private DigitalShift() {}

    /** A shift word from any random long. */
    public static long word(long random) {
        return random & MASK;
    }

    /** Coordinate {@code u} of a Sobol point, shifted by {@code word}. */
    public static double apply(double u, long word) {
        return ((long) (u * SCALE) ^ word) / SCALE;
    }
}
