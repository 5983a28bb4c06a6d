package dev.tunelab.core.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

/**
 * Reads an IDX file, the format MNIST and Fashion-MNIST ship in: a magic number naming the element
 * type and the number of dimensions, the size of each dimension, then the elements in row-major
 * order. Only unsigned bytes occur in those data sets, and only those are read. Gzipped files (as
 * Debian's {@code dataset-fashion-mnist} installs them) are recognised by their header.
 *
 * <p>{@link #open} reads the header only, so a caller can weigh the declared size against its
 * limits before a single element is inflated, and then read the elements a block at a time.
 */
public final class Idx {
    private static final int UNSIGNED_BYTE = 0x08;

    /** The most elements one array may have: what a Java array holds. */
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
            return Idx.itemSize(dims);
        }

        /** Element {@code k} of item {@code i}, 0..255. */
        public int at(int i, int k) {
            return data[i * itemSize() + k] & 0xFF;
        }
    }

    /** An IDX file whose header has been read; {@link #readFully} gives the elements that follow. */
    public static final class Reader {
        private final int[] dims;
        private final long elements;
        private final DataInputStream data;
        private long read;

        private Reader(int[] dims, DataInputStream data) {
            this.dims = dims;
            this.data = data;
            long total = 1;
            for (int d : dims) total = total > Long.MAX_VALUE / d ? Long.MAX_VALUE : total * d;
            this.elements = total;
        }

        public int[] dims() {
            return dims.clone();
        }

        public int items() {
            return dims[0];
        }

        /** Elements per item; only meaningful once {@link #elements} is known to be bounded. */
        public int itemSize() {
            return Idx.itemSize(dims);
        }

        /**
         * Every element the header declares, which is also how many bytes the body unpacks to
         * ({@code Long.MAX_VALUE} when more): what to weigh against a limit before reading.
         */
        public long elements() {
            return elements;
        }

        /** Fills {@code buf} with the next elements; the file ending first is an error. */
        public void readFully(byte[] buf, int len) throws IOException {
            try {
                data.readFully(buf, 0, len);
                read += len;
            } catch (EOFException e) {
                throw new IOException(
                        "IDX file ends before its " + elements() + " elements " + Arrays.toString(dims), e);
            }
        }

        /** Reads (and drops) every element not read yet, so a file too short is still found out. */
        public void readRest() throws IOException {
            byte[] buf = new byte[1 << 16];
            while (read < elements()) readFully(buf, (int) Math.min(buf.length, elements() - read));
        }
    }

    /** Reads the whole array; throws {@link IOException} naming what is wrong with a bad file. */
    public static Array read(InputStream raw) throws IOException {
        Reader r = open(raw);
        if (r.elements() > MAX_ELEMENTS)
            throw new IOException("IDX array of " + Arrays.toString(r.dims) + " is too large");
        byte[] elements = new byte[(int) r.elements()];
        r.readFully(elements, elements.length);
        return new Array(r.dims, elements);
    }

    /** Reads the header, no element: the caller decides whether the declared size is acceptable. */
    public static Reader open(InputStream raw) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw);
        in.mark(2);
        int b0 = in.read();
        int b1 = in.read();
        in.reset();
        InputStream body = b0 == 0x1f && b1 == 0x8b ? new GZIPInputStream(in) : in;
        DataInputStream data = new DataInputStream(body);
        try {
            return new Reader(header(data), data);
        } catch (EOFException e) {
            throw new IOException("the IDX file ends inside its header", e);
        }
    }

    private static int[] header(DataInputStream data) throws IOException {
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
        for (int k = 0; k < rank; k++) {
            dims[k] = data.readInt();
            if (dims[k] < 1) throw new IOException("IDX dimension " + k + " has size " + dims[k]);
        }
        return dims;
    }

    private static int itemSize(int[] dims) {
        int size = 1;
        for (int k = 1; k < dims.length; k++) size *= dims[k];
        return size;
    }
}
