package dev.tunelab.core.data;

import static dev.tunelab.core.data.DataFiles.refused;
import static dev.tunelab.core.data.DataFiles.rows;
import static dev.tunelab.core.data.DataFiles.utf8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunelab.core.study.Task;
import java.util.List;
import org.junit.jupiter.api.Test;

class TableFormatTest {

    @Test
    void quotedFieldsAndCrlfParse() {
        Csv c = Csv.parse(utf8("\"a\",b\r\n\"1,5\",\"say \"\"hi\"\"\"\r\n"));
        assertEquals(List.of("a", "b"), c.header());
        assertEquals("1,5", c.rows().get(0)[0]);
        assertEquals("say \"hi\"", c.rows().get(0)[1]);
    }

    @Test
    void textLabelsAreClassesInSortedOrderAndFeaturesKeepColumnOrder() {
        byte[] csv = rows("x,y,z", 12, i -> i + "," + (i % 2 == 0 ? "b" : "a") + "," + (i * 0.5));
        DatasetSummary p = SampleReader.profile(DatasetMeta.table("y", null), csv);
        assertEquals(Task.CLASSIFICATION, p.meta().task());
        assertEquals(List.of("a", "b"), p.meta().classes());
        assertEquals(12, p.rows());
        assertEquals(List.of(2), p.shape());
        assertEquals(new DatasetSummary.Column("y", "label"), p.columns().get(1));
        Samples s = SampleReader.read(p.meta(), csv);
        assertEquals(List.of("x", "z"), s.featureNames());
        assertArrayEquals(new float[] {3, 1.5f}, s.x()[3]);
        assertEquals(0, s.classIndex()[3], "row 4 is 'a', the first class");
        assertEquals(2, p.facts().numFeatures());
        assertEquals(2, p.facts().numClasses());
    }

    @Test
    void fewIntegerLabelsAreClassesManyRealsAreRegression() {
        assertEquals(
                Task.CLASSIFICATION,
                profile(rows("x,y", 30, i -> i + "," + (i % 3)), null).meta().task());
        DatasetSummary r = profile(rows("x,y", 30, i -> i + "," + (i * 0.5)), null);
        assertEquals(Task.REGRESSION, r.meta().task());
        assertNull(r.meta().classes());
        assertEquals(
                List.of("0", "1", "2"),
                profile(rows("x,y", 30, i -> i + "," + (i % 3)), Task.CLASSIFICATION)
                        .meta()
                        .classes());
        Samples s = SampleReader.read(r.meta(), rows("x,y", 30, i -> i + "," + (i * 0.5)));
        assertEquals(14.5, s.target()[29]);
    }

    @Test
    void unusableTablesAreRefusedWithTheFieldAndReason() {
        var e = refused(() -> profile(rows("x,w,y", 12, i -> i + ",kg," + i), null));
        assertEquals("file", e.field());
        assertTrue(e.getMessage().contains("row 1, column 'w' is not a number: 'kg'"), e.getMessage());
        e = refused(() -> SampleReader.profile(DatasetMeta.table("z", null), rows("x,y", 12, i -> i + ",a")));
        assertEquals("label", e.field());
        assertTrue(e.getMessage().contains("no column named 'z'"), e.getMessage());
        e = refused(() -> profile(rows("x,y", 12, i -> i + ",t" + i), Task.REGRESSION));
        assertTrue(e.getMessage().contains("numeric label"), e.getMessage());
        e = refused(() -> profile(rows("x,y", 5, i -> i + "," + (i % 2)), null));
        assertTrue(e.getMessage().contains("at least 10 samples"), e.getMessage());
        e = refused(() -> profile(rows("x,y", 12, i -> (i == 3 ? "" : i) + "," + (i % 2)), null));
        assertTrue(e.getMessage().contains("row 4, column 'x' is empty"), e.getMessage());
        e = refused(() -> profile(utf8("x,x,y\n1,2,3\n"), null));
        assertTrue(e.getMessage().contains("unique"), e.getMessage());
        e = refused(() -> profile(utf8("a,b\n1\n"), null));
        assertEquals("file", e.field());
        e = refused(() -> profile(utf8("x,a\u0000b,y\n1,2,3\n"), null));
        assertEquals("the name of column 2 holds the control character U+0000 at character 2", e.getMessage());
    }

    @Test
    void aTestSetIsReadWithTheTrainingSetsClasses() {
        DatasetMeta training = profile(rows("x,y", 12, i -> i + "," + "abc".charAt(i % 3)), null)
                .meta();
        Samples test = SampleReader.read(training, utf8("x,y\n1,c\n2,c\n"));
        assertArrayEquals(new int[] {2, 2}, test.classIndex());
        assertEquals(List.of("a", "b", "c"), test.classes());
        var e = refused(() -> SampleReader.read(training, utf8("x,y\n1,d\n")));
        assertTrue(e.getMessage().contains("row 1: label 'd' is not one of the classes [a, b, c]"), e.getMessage());
    }

    private static DatasetSummary profile(byte[] csv, Task task) {
        return SampleReader.profile(DatasetMeta.table("y", task), csv);
    }
}
