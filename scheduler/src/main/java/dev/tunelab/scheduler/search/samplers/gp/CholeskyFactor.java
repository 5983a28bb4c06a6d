package dev.tunelab.scheduler.search.samplers.gp;

import static org.bytedeco.openblas.global.openblas.CblasColMajor;
import static org.bytedeco.openblas.global.openblas.CblasLeft;
import static org.bytedeco.openblas.global.openblas.CblasLower;
import static org.bytedeco.openblas.global.openblas.CblasNoTrans;
import static org.bytedeco.openblas.global.openblas.CblasNonUnit;
import static org.bytedeco.openblas.global.openblas.CblasTrans;
import static org.bytedeco.openblas.global.openblas.LAPACKE_dpotrf_work;
import static org.bytedeco.openblas.global.openblas.LAPACK_COL_MAJOR;
import static org.bytedeco.openblas.global.openblas.cblas_dsyrk;
import static org.bytedeco.openblas.global.openblas.cblas_dtrsm;
import static org.bytedeco.openblas.global.openblas.cblas_dtrsv;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.openblas.global.openblas;

/**
 * The lower Cholesky factor L of a symmetric positive definite matrix, kept column-major in native
 * memory so that OpenBLAS (the build nd4j-native loads; LAPACK {@code dpotrf}, BLAS {@code dtrsm}
 * and {@code dtrsv}) works on it without a copy. Why a library and not loops: a screen of hundreds
 * of candidates is one blocked, vectorized multi-right-hand-side solve that reads L once per block
 * of columns, where one forward substitution per candidate streams all of L per candidate (8 MB at
 * 1,000 observations).
 *
 * <p>Matrices passed in and out are column-major {@code double[]}; since the kernel matrices here
 * are symmetric, row-major callers may pass them as they are. Immutable once built; the solves
 * write only into the buffers they are given. The native memory is freed by {@link #close}, not
 * left to the garbage collector: buffers that wait for a collection pile up, and fresh native pages
 * cost more than the factorization (an 8 MB direct buffer took 19 ms to allocate here, one reused
 * through malloc 0.2 ms).
 */
final class CholeskyFactor implements AutoCloseable {
    private static final byte LOWER = 'L';

    static {
        // Native memory is JavaCPP's, whose JNI library comes with OpenBLAS's: load both before the
        // first allocation, which may come before the first BLAS call.
        Loader.load(openblas.class);
    }

    private final int n;

    /** L, n x n column-major; the strict upper triangle is not read. */
    private final DoublePointer lower;

    private CholeskyFactor(int n, DoublePointer lower) {
        this.n = n;
        this.lower = lower;
    }

    /**
     * The factor of the n x n matrix {@code a} (column-major, lower triangle read), or null if it is
     * not positive definite.
     */
    static CholeskyFactor of(double[] a, int n) {
        DoublePointer l = allocate(n * n);
        l.put(a, 0, n * n);
        if (LAPACKE_dpotrf_work(LAPACK_COL_MAJOR, LOWER, n, l, n) == 0) return new CholeskyFactor(n, l);
        l.close();
        return null;
    }

    /**
     * The factor of [[A, B^T], [B, C]] given this factor of A: {@code crossT} is B^T (n x p, each
     * column a new row's covariances with the old ones), {@code corner} is C (p x p), both
     * column-major. Costs O(n^2 p) instead of the O((n + p)^3) of factoring from scratch (the blocked
     * Cholesky's own update: L21 = B L^-T, L22 = chol(C - L21 L21^T)). Null if the extended matrix is
     * not positive definite.
     */
    CholeskyFactor extend(double[] cross, double[] corner, int p) {
        int m = n + p;
        // L21^T = L^-1 B^T, solved in place.
        double[] l21t = cross.clone();
        double[] schur = corner.clone();
        try (DoublePointer b = allocate(n * p);
                DoublePointer c = allocate(p * p)) {
            b.put(l21t, 0, n * p);
            solveLower(b, p);
            c.put(schur, 0, p * p);
            // C - L21 L21^T, lower triangle.
            cblas_dsyrk(CblasColMajor, CblasLower, CblasTrans, p, n, -1, b, n, 1, c, p);
            if (LAPACKE_dpotrf_work(LAPACK_COL_MAJOR, LOWER, p, c, p) != 0) return null;
            b.get(l21t, 0, n * p);
            c.get(schur, 0, p * p);
        }
        double[] old = new double[n * n];
        lower.get(old, 0, n * n);
        double[] joined = new double[m * m];
        for (int j = 0; j < n; j++) {
            // Column j: L's column, then L21's column j, which is row j of L21^T.
            System.arraycopy(old, j * n + j, joined, j * m + j, n - j);
            for (int r = 0; r < p; r++) joined[j * m + n + r] = l21t[r * n + j];
        }
        for (int j = 0; j < p; j++) System.arraycopy(schur, j * p + j, joined, (n + j) * m + n + j, p - j);
        DoublePointer l = allocate(m * m);
        l.put(joined, 0, m * m);
        return new CholeskyFactor(m, l);
    }

    int size() {
        return n;
    }

    /**
     * Solves L X = B in place; B is n x {@code columns}, column-major, in a buffer from {@link
     * #allocate}.
     */
    void solveLower(DoublePointer b, int columns) {
        if (columns == 1) cblas_dtrsv(CblasColMajor, CblasLower, CblasNoTrans, CblasNonUnit, n, lower, n, b, 1);
        else
            cblas_dtrsm(
                    CblasColMajor, CblasLeft, CblasLower, CblasNoTrans, CblasNonUnit, n, columns, 1, lower, n, b, n);
    }

    /** Solves L^T X = B in place, as {@link #solveLower}. */
    void solveUpper(DoublePointer b, int columns) {
        if (columns == 1) cblas_dtrsv(CblasColMajor, CblasLower, CblasTrans, CblasNonUnit, n, lower, n, b, 1);
        else cblas_dtrsm(CblasColMajor, CblasLeft, CblasLower, CblasTrans, CblasNonUnit, n, columns, 1, lower, n, b, n);
    }

    @Override
    public void close() {
        lower.close();
    }

    /**
     * Native memory for {@code size} doubles that the solves accept without copying; the caller
     * closes it.
     */
    static DoublePointer allocate(int size) {
        return new DoublePointer(Math.max(1L, size));
    }
}
