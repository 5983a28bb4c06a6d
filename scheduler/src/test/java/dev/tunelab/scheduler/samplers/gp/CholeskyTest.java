package dev.tunelab.scheduler.samplers.gp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.decomposition.chol.CholeskyDecompositionInner_DDRM;
import org.junit.jupiter.api.Test;

class CholeskyTest {

  /** The sampler's recorded points up to 100 trials depend on the factor matching EJML's bit for bit. */
  @Test
  void factorIsEjmlsToTheLastBit() {
    SplittableRandom rng = new SplittableRandom(7);
    int n = 40;
    double[][] x = new double[n][3];
    for (double[] row : x) for (int c = 0; c < 3; c++) row[c] = rng.nextDouble();
    DMatrixRMaj k = Matern52.gram(x, 1.3);
    for (int i = 0; i < n; i++) k.add(i, i, 1e-4);

    Cholesky.Factor ours = Cholesky.decompose(k.data, n);
    CholeskyDecompositionInner_DDRM ejml = new CholeskyDecompositionInner_DDRM(true);
    ejml.decompose(k.copy());
    DMatrixRMaj expected = ejml.getT(null);
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        assertEquals(expected.get(i, j), ours.lower()[i][j], 0, i + "," + j);
        assertEquals(expected.get(i, j), ours.upper()[j][i], 0, i + "," + j);
      }
    }
  }

  @Test
  void notPositiveDefiniteGivesNull() {
    assertNull(Cholesky.decompose(new double[] {1, 2, 2, 1}, 2));
  }
}
