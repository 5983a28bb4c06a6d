package dev.tunelab.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunelab.core.study.Task;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class DatasetProfileTest {

  static Csv csv(String text) {
    return Csv.parse(text.getBytes(StandardCharsets.UTF_8));
  }

  static String rows(String header, int n, java.util.function.IntFunction<String> row) {
    StringBuilder b = new StringBuilder(header).append('\n');
    for (int i = 0; i < n; i++) b.append(row.apply(i)).append('\n');
    return b.toString();
  }

  @Test
  void quotedFieldsAndCrlfParse() {
    Csv c = csv("\"a\",b\r\n\"1,5\",\"say \"\"hi\"\"\"\r\n");
    assertEquals(List.of("a", "b"), c.header());
    assertEquals("1,5", c.rows().get(0)[0]);
    assertEquals("say \"hi\"", c.rows().get(0)[1]);
  }

  @Test
  void textLabelsAreClassesInSortedOrder() {
    DatasetProfile p = DatasetProfile.of(csv(rows("x,y", 12, i -> i + "," + (i % 2 == 0 ? "b" : "a"))), "y", null);
    assertEquals(Task.CLASSIFICATION, p.task());
    assertEquals(List.of("a", "b"), p.classes());
    assertEquals(12, p.rows());
  }

  @Test
  void fewIntegerLabelsAreClassesManyRealsAreRegression() {
    assertEquals(Task.CLASSIFICATION, DatasetProfile.of(csv(rows("x,y", 30, i -> i + "," + (i % 3))), "y", null).task());
    DatasetProfile r = DatasetProfile.of(csv(rows("x,y", 30, i -> i + "," + (i * 0.5))), "y", null);
    assertEquals(Task.REGRESSION, r.task());
    assertEquals(null, r.classes());
    assertEquals(Task.CLASSIFICATION, DatasetProfile.of(csv(rows("x,y", 30, i -> i + "," + (i % 3))), "y", Task.CLASSIFICATION).task());
  }

  @Test
  void unusableTablesAreRefusedWithTheReason() {
    var e = assertThrows(IllegalArgumentException.class,
        () -> DatasetProfile.of(csv(rows("x,w,y", 12, i -> i + ",kg," + i)), "y", null));
    assertTrue(e.getMessage().contains("'w'"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> DatasetProfile.of(csv(rows("x,y", 12, i -> i + ",a")), "z", null));
    assertTrue(e.getMessage().contains("no column named 'z'"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> DatasetProfile.of(csv(rows("x,y", 12, i -> i + ",t" + i)), "y", Task.REGRESSION));
    assertTrue(e.getMessage().contains("numeric label"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> csv("a,b\n1\n"));
  }
}
