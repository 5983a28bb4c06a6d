package dev.tunelab.worker.training;

import org.jboss.logging.Logger;
import org.nd4j.linalg.factory.Nd4j;

/**
 * ND4J's default is one native thread per core for every op and BLAS call; with several trial slots
 * on few cores that oversubscribes the CPU and small networks train many times slower (STACK.md).
 * Each slot gets its share of libnd4j's OpenMP threads instead, unless OMP_NUM_THREADS says
 * otherwise.
 *
 * <p>OpenBLAS keeps a second pool of its own threads, which spin on the same cores as the OpenMP
 * threads between calls: on two cores a slot owning both trained the Fashion-MNIST CNN at 1,160
 * samples/s with both pools at two threads and at 1,600-1,800 with OpenBLAS at one, the MLP
 * 784-512-256-10 at 4,500 and 6,900 (docs/benchmarks.md). So OpenBLAS runs on the calling thread
 * unless TUNELAB_BLAS_THREADS asks for more (a network of a few very large dense layers may).
 */
public final class NativeThreads {
    private static final Logger LOG = Logger.getLogger(NativeThreads.class);

    private NativeThreads() {}

    /** Gives each trial slot {@code perSlot} OpenMP threads and OpenBLAS its own setting. */
    public static void limit(int perSlot) {
        if (System.getenv("OMP_NUM_THREADS") == null) {
            Nd4j.getEnvironment().setMaxThreads(perSlot);
            Nd4j.getEnvironment().setMaxMasterThreads(perSlot);
            LOG.infof("ND4J limited to %d native thread(s) per trial slot", perSlot);
        }
        Nd4j.factory().blas().setMaxThreads(blasThreads(System.getenv("TUNELAB_BLAS_THREADS")));
    }

    static int blasThreads(String setting) {
        if (setting == null || setting.isBlank()) return 1;
        try {
            return Math.max(1, Integer.parseInt(setting.trim()));
        } catch (NumberFormatException e) {
            LOG.warnf("TUNELAB_BLAS_THREADS=%s is not a number; OpenBLAS uses one thread", setting);
            return 1;
        }
    }
}
