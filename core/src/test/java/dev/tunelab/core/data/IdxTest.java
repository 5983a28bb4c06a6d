package dev.tunelab.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class IdxTest {
    /** Two 2×3 "images" with pixel values 0..11, as MNIST's writer lays them out. */
    static byte[] images() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DataOutputStream d = new DataOutputStream(out);
        d.writeInt(0x00000803);
        d.writeInt(2);
        d.writeInt(2);
        d.writeInt(3);
        for (int v = 0; v < 12; v++) d.writeByte(v * 20);
        return out.toByteArray();
    }

    @Test
    void readsImagesRowMajorAsUnsignedBytes() throws IOException {
        Idx.Array a = Idx.read(new ByteArrayInputStream(images()));
        assertArrayEquals(new int[] {2, 2, 3}, a.dims());
        assertEquals(2, a.items());
        assertEquals(6, a.itemSize());
        assertEquals(20 * 7, a.at(1, 1), "item 1, row 0, column 1");
        assertEquals(220, a.at(1, 5), "values above 127 stay positive");
    }

    @Test
    void readsGzippedFilesAndLabels() throws IOException {
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (DataOutputStream d = new DataOutputStream(new GZIPOutputStream(zipped))) {
            d.writeInt(0x00000801);
            d.writeInt(3);
            d.write(new byte[] {9, 0, 4});
        }
        Idx.Array labels = Idx.read(new ByteArrayInputStream(zipped.toByteArray()));
        assertEquals(3, labels.items());
        assertEquals(1, labels.itemSize());
        assertEquals(4, labels.at(2, 0));
    }

    @Test
    void badFilesAreRefusedWithTheReason() throws IOException {
        byte[] truncated = java.util.Arrays.copyOf(images(), 20);
        assertTrue(message(truncated).contains("ends before its 12 elements"));
        byte[] floats = images();
        floats[2] = 0x0D;
        assertTrue(message(floats).contains("not supported"));
        assertTrue(message("a,b\n1,2\n".getBytes()).contains("not an IDX file"));
    }

    private static String message(byte[] bytes) {
        return assertThrows(IOException.class, () -> Idx.read(new ByteArrayInputStream(bytes)))
                .getMessage();
    }
}
