package dev.tunelab.worker.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunelab.core.study.Task;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class TabularDataTest {

  private static byte[] csv(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void parsesQuotedFieldsNumericLabelsAndCrLf() {
    TabularData d = TabularData.parse(
        csv("\"a\",label,\"b\"\r\n1.5, 1 ,\"2\"\r\n\"-3\",0,4e1\r\n\r\n"),
        "label", Task.CLASSIFICATION, List.of("0", "1"));
    assertEquals(List.of("a", "b"), d.featureNames());
    assertEquals(2, d.rows());
    assertArrayEquals(new double[] {1.5, 2}, d.features()[0]);
    assertArrayEquals(new double[] {-3, 40}, d.features()[1]);
    assertArrayEquals(new int[] {1, 0}, d.classIndex());
    assertNull(d.target());
  }

  @Test
  void regressionReadsTheTarget() {
    TabularData d = TabularData.parse(csv("x,y\n1,2.5\n3,-1\n"), "y", Task.REGRESSION, null);
    assertArrayEquals(new double[] {2.5, -1}, d.target());
    assertNull(d.classIndex());
  }

  @Test
  void rejectsANonNumericFeatureNamingRowAndColumn() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TabularData.parse(csv("width,height,kind\n1,2,a\n3,tall,b\n"), "kind",
            Task.CLASSIFICATION, List.of("a", "b")));
    assertTrue(e.getMessage().contains("'height'"), e.getMessage());
    assertTrue(e.getMessage().contains("row 2"), e.getMessage());
    assertTrue(e.getMessage().contains("tall"), e.getMessage());
  }

  @Test
  void rejectsEmptyValuesUnknownLabelsAndRaggedRows() {
    List<String> ab = List.of("a", "b");
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> TabularData.parse(csv("x,k\n,a\n"), "k", Task.CLASSIFICATION, ab))
        .getMessage().contains("'x' is empty"));
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> TabularData.parse(csv("x,k\n1,c\n"), "k", Task.CLASSIFICATION, ab))
        .getMessage().contains("'c'"));
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> TabularData.parse(csv("x,k\n1,a,2\n"), "k", Task.CLASSIFICATION, ab))
        .getMessage().contains("3 fields"));
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> TabularData.parse(csv("x,k\n1,a\n"), "label", Task.CLASSIFICATION, ab))
        .getMessage().contains("'label'"));
  }
}
