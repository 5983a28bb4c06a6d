package dev.tunelab.core.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

/**
 * Reads an IDX file, the format MNIST and Fashion-MNIST ship in: a magic number naming the element
 * type and the number of dimensions, the size of each dimension, then the elements in row-major
 * order. Only unsigned bytes occur in those data sets, and only those are read. Gzipped files (as
 * Debian's {@code dataset-fashion-mnist} installs them) are recognised by their header.
 */
public final class Idx {
    private static final int UNSIGNED_BYTE = 0x08;

    /** A bound on what one upload may hold, so a corrupt header cannot ask for gigabytes. */
    static final long MAX_ELEMENTS = Integer.MAX_VALUE - 8;

    private Idx() {}

    /**
     * One IDX array.
     *
     * @param dims the size of each dimension; dims[0] counts the items (images or labels)
     * @param data every element as 0..255, row-major
     */
    public record Array(int[] dims, byte[] data) {
        public int items() {
            return dims[0];
        }

        /** Elements per item: 1 for labels, rows × columns for images. */
        public int itemSize() {
            int size = 1;
            for (int k = 1; k < dims.length; k++) size *= dims[k];
            return size;
        }

        /** Element {@code k} of item {@code i}, 0..255. */
        public int at(int i, int k) {
            return data[i * itemSize() + k] & 0xFF;
        }
    }

    /** Reads the whole array; throws {@link IOException} naming what is wrong with a bad file. */
    public static Array read(InputStream raw) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw);
        in.mark(2);
        int b0 = in.read();
        int b1 = in.read();
        in.reset();
        InputStream body = b0 == 0x1f && b1 == 0x8b ? new GZIPInputStream(in) : in;
        DataInputStream data = new DataInputStream(body);
        try {
            return read(data);
        } catch (java.io.EOFException e) {
            throw new IOException("the IDX file ends inside its header", e);
        }
    }

    private static Array read(DataInputStream data) throws IOException {
        int magic = data.readInt();
        if ((magic >>> 16) != 0)
            throw new IOException("not an IDX file: the magic number must start with two zero bytes");
        int type = (magic >>> 8) & 0xFF;
        int rank = magic & 0xFF;
        if (type != UNSIGNED_BYTE)
            throw new IOException("IDX element type 0x"
                    + Integer.toHexString(type)
                    + " is not supported; only unsigned bytes (0x08)");
        if (rank < 1 || rank > 4)
            throw new IOException("IDX files with " + rank + " dimensions are not supported; 1 to 4");
        int[] dims = new int[rank];
        long total = 1;
        for (int k = 0; k < rank; k++) {
            dims[k] = data.readInt();
            if (dims[k] < 1) throw new IOException("IDX dimension " + k + " has size " + dims[k]);
            total *= dims[k];
            if (total > MAX_ELEMENTS) throw new IOException("IDX array of " + Arrays.toString(dims) + " is too large");
        }
        byte[] elements = new byte[(int) total];
        try {
            data.readFully(elements);
        } catch (java.io.EOFException e) {
            throw new IOException("IDX file ends before its " + total + " elements " + Arrays.toString(dims), e);
        }
        return new Array(dims, elements);
    }
}
