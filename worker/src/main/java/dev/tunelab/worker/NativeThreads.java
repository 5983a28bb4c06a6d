package dev.tunelab.worker;

import org.jboss.logging.Logger;
import org.nd4j.linalg.factory.Nd4j;

/**
 * ND4J's default is one native thread per core for every op and BLAS call; with several trial
 * slots on few cores that oversubscribes the CPU and small networks train many times slower
 * (STACK.md). Each slot gets its share instead, unless OMP_NUM_THREADS says otherwise.
 */
final class NativeThreads {
  private static final Logger LOG = Logger.getLogger(NativeThreads.class);

  private NativeThreads() {}

  static void limit(int perSlot) {
    if (System.getenv("OMP_NUM_THREADS") != null) return;
    Nd4j.getEnvironment().setMaxThreads(perSlot);
    Nd4j.getEnvironment().setMaxMasterThreads(perSlot);
    Nd4j.factory().blas().setMaxThreads(perSlot);
    LOG.infof("ND4J limited to %d native thread(s) per trial slot", perSlot);
  }
}
