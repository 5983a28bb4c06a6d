package dev.tunelab.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunelab.core.data.DatasetKind;
import dev.tunelab.core.data.DatasetMeta;
import dev.tunelab.core.data.ImageSize;
import dev.tunelab.core.study.Task;
import org.junit.jupiter.api.Test;

class DatasetUploadFormTest {

    static DatasetUploadForm form(String label) {
        DatasetUploadForm f = new DatasetUploadForm();
        f.label = label;
        return f;
    }

    @Test
    void theKindIsInferredFromTheFilesUnlessGiven() {
        assertEquals(DatasetKind.TABLE, form("y").request(false, false, null).kind());
        assertEquals(DatasetKind.IMAGES, form(null).request(true, false, null).kind());
        assertEquals(DatasetKind.IMAGES, form(null).request(false, true, null).kind());
        assertEquals(
                DatasetKind.TOKENS,
                form("y").request(false, false, DatasetKind.TOKENS).kind(),
                "a test set's kind is its training set's");
        DatasetUploadForm f = form("sentiment");
        f.kind = "Tokens";
        f.column = "review";
        f.vocabularySize = " 500 ";
        f.sequenceLength = "80";
        f.task = "classification";
        DatasetMeta m = f.request(false, false, null);
        assertEquals(DatasetKind.TOKENS, m.kind());
        assertEquals(Task.CLASSIFICATION, m.task());
        assertEquals("review", m.options().column());
        assertEquals(500, m.options().vocabularySize());
        assertEquals(80, m.options().sequenceLength());
        assertNull(m.classes());
    }

    @Test
    void optionsOfEachKindAreRead() {
        DatasetUploadForm ts = form("load");
        ts.kind = "timeseries";
        ts.window = "24";
        ts.horizon = "6";
        DatasetMeta m = ts.request(false, false, null);
        assertEquals(24, m.options().window());
        assertEquals(6, m.options().horizon());
        DatasetUploadForm img = form(null);
        img.imageSize = "32x24";
        assertEquals(
                new ImageSize(32, 24), img.request(true, false, null).options().imageSize());
    }

    @Test
    void badFieldsAreRefusedWithTheirPath() {
        assertPath("$.label", form(null), false, false);
        assertPath("$.label", form("y"), true, false);
        DatasetUploadForm f = form("y");
        f.kind = "video";
        assertPath("$.kind", f, false, false);
        f = form("y");
        f.window = "10";
        assertPath("$.window", f, false, false);
        f = form("y");
        f.kind = "timeseries";
        f.window = "ten";
        assertPath("$.window", f, false, false);
        f.window = "0";
        assertPath("$.window", f, false, false);
        f = form("y");
        f.kind = "tokens";
        f.vocabularySize = "2";
        assertPath("$.vocabularySize", f, false, false);
        f = form(null);
        f.imageSize = "big";
        assertPath("$.imageSize", f, true, false);
        f = form("y");
        f.kind = "table";
        assertPath("$.labels", f, false, true);
        f = form("y");
        f.task = "clustering";
        assertPath("$.task", f, false, false);
    }

    private static void assertPath(String path, DatasetUploadForm f, boolean zip, boolean labels) {
        ApiProblem p = assertThrows(ApiProblem.class, () -> f.request(zip, labels, null));
        assertEquals(422, p.status);
        assertEquals(path, p.errors.get(0).path(), p.getMessage());
        assertTrue(p.getMessage().startsWith(path + ": "), p.getMessage());
    }
}
