package dev.tunelab.core.data;

import static dev.tunelab.core.data.DataFiles.refused;
import static dev.tunelab.core.data.DataFiles.rows;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunelab.core.study.Task;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimeSeriesFormatTest {
    /** Row t: x = t, y = 10 t. */
    static final byte[] SERIES = rows("x,y", 20, t -> t + "," + 10 * t);

    static DatasetMeta series(Integer window, Integer horizon, Task task) {
        return new DatasetMeta(
                DatasetKind.TIMESERIES,
                task,
                "y",
                null,
                new DatasetOptions(null, null, null, null, window, horizon, null, null));
    }

    @Test
    void windowsCoverEveryColumnAndAreLabelledByALaterTarget() {
        DatasetSummary p = SampleReader.profile(series(3, null, null), SERIES);
        assertEquals(List.of(3, 2), p.shape());
        assertEquals(17, p.rows());
        assertEquals(Task.REGRESSION, p.meta().task(), "regression unless asked");
        assertEquals(1, p.meta().options().horizon());
        Samples s = SampleReader.read(p.meta(), SERIES);
        assertTrue(s.ordered());
        assertArrayEquals(new float[] {2, 20, 3, 30, 4, 40}, s.x()[2]);
        assertEquals(50, s.target()[2], "the row after the window");
        Samples later = SampleReader.read(series(3, 4, null), SERIES);
        assertEquals(14, later.size());
        assertEquals(80, later.target()[2]);
        assertEquals(List.of("x", "y"), later.featureNames());
    }

    @Test
    void classificationWhenAsked() {
        byte[] csv = rows("x,y", 20, t -> t + "," + (t % 3 == 0 ? "1" : "0"));
        DatasetSummary p = SampleReader.profile(series(2, null, Task.CLASSIFICATION), csv);
        assertEquals(List.of("0", "1"), p.meta().classes());
        assertEquals(1, SampleReader.read(p.meta(), csv).classIndex()[1], "window rows 2..3, target row 4 (t = 3)");
    }

    @Test
    void aWindowLongerThanTheSeriesIsRefused() {
        var e = refused(() -> SampleReader.profile(series(20, null, null), SERIES));
        assertEquals("window", e.field());
        assertTrue(e.getMessage().contains("need at least 21 rows; the series has 20"), e.getMessage());
        e = refused(() -> SampleReader.profile(series(15, null, null), SERIES));
        assertTrue(e.getMessage().contains("at least 10 samples"), e.getMessage());
        assertEquals(
                "window",
                refused(() -> SampleReader.profile(series(null, null, null), SERIES))
                        .field());
        assertEquals("horizon", refused(() -> series(3, 0, null)).field());
        e = refused(() -> SampleReader.profile(series(3, null, null), rows("day,y", 20, t -> "mon," + t)));
        assertTrue(e.getMessage().contains("row 1, column 'day' is not a number: 'mon'"), e.getMessage());
    }

    @Test
    void windowsAWorkerCouldNotHoldAreRefusedWithoutBeingBuilt() {
        // 50,001 windows of 10,000 rows of 2 values: a billion floats from a 60,000-row file.
        byte[] long_ = rows("x,y", 60_000, t -> t + "," + (t % 7));
        var e = refused(() -> SampleReader.profile(series(10_000, null, null), long_));
        assertEquals("window", e.field());
        assertTrue(e.getMessage().contains("too many values for a worker"), e.getMessage());
        assertEquals(
                59_000, SampleReader.profile(series(1_000, null, null), long_).rows());
    }
}
