package dev.tunelab.core.data;

import dev.tunelab.core.limits.Limit;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Bytes that decompressing streams have given, counted against a limit as they are read: a bomb is
 * stopped when it reaches the limit, not after it has been inflated (or held) in full. The count
 * survives the exception, so a decoder that wraps it (ImageIO does) cannot hide it: see {@link
 * #rethrowIfExceeded}.
 */
final class UnpackBudget {
    private final Limit limit;
    private final String what;
    private long used;

    /** @param what the subject of the refusal, e.g. "the zip archive" */
    UnpackBudget(Limit limit, String what) {
        this.limit = limit;
        this.what = what;
    }

    /** {@code in}, counted; closing it leaves {@code in} open. */
    InputStream watch(InputStream in) {
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) spend(1);
                return b;
            }

            @Override
            public int read(byte[] buf, int off, int len) throws IOException {
                int n = super.read(buf, off, len);
                if (n > 0) spend(n);
                return n;
            }

            @Override
            public long skip(long n) throws IOException {
                // Skipping inflates as much as reading: count it the same way.
                byte[] buf = new byte[(int) Math.min(n, 8192)];
                int r = read(buf, 0, buf.length);
                return Math.max(r, 0);
            }

            @Override
            public void close() {
                // The archive's stream goes on with its next entry.
            }
        };
    }

    private void spend(long n) {
        used += n;
        if (limit.exceededBy(used)) throw exceeded();
    }

    /** Throws the limit's refusal when a read went past it, whatever became of that exception. */
    void rethrowIfExceeded() {
        if (limit.exceededBy(used)) throw exceeded();
    }

    private LimitExceededException exceeded() {
        return new LimitExceededException("file", what + " unpacks to more than " + limit.value() + " bytes", limit);
    }
}
