package dev.tunelab.app.hostile;

import dev.tunelab.app.support.TestTokens;
import io.restassured.RestAssured;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, for what RestAssured cannot send: bytes that are not UTF-8, a body
 * far larger than memory should hold, an unknown method, a request line as written. Every request
 * carries {@link #headers()}, the one place to add credentials.
 */
final class HostileHttp {
    /** How long to wait for an answer; a hang is reported as status 0. */
    static final int TIMEOUT_MS = 60_000;

    /** Writes a body of a given length to the connection, a chunk at a time. */
    interface Body {
        long length();

        void writeTo(OutputStream out) throws IOException;

        static Body of(byte[] bytes) {
            return new Body() {
                public long length() {
                    return bytes.length;
                }

                public void writeTo(OutputStream out) throws IOException {
                    out.write(bytes);
                }
            };
        }

        /** {@code length} bytes of {@code fill}, repeated; never held in memory at once. */
        static Body repeated(long length, byte[] fill) {
            return new Body() {
                public long length() {
                    return length;
                }

                public void writeTo(OutputStream out) throws IOException {
                    byte[] chunk = new byte[1 << 16];
                    for (int i = 0; i < chunk.length; i++) chunk[i] = fill[i % fill.length];
                    for (long left = length; left > 0; left -= chunk.length) {
                        out.write(chunk, 0, (int) Math.min(left, chunk.length));
                    }
                }
            };
        }
    }

    private HostileHttp() {}

    /** Headers every request sends: signed in as the admin, so that only the input is hostile. */
    static Map<String, String> headers() {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Host", "127.0.0.1:" + RestAssured.port);
        h.put("Connection", "close");
        h.put("Authorization", TestTokens.bearer(TestTokens.ADMIN));
        return h;
    }

    static Answer send(String method, String target, String contentType, byte[] body) {
        Map<String, String> h = new LinkedHashMap<>();
        if (contentType != null) h.put("Content-Type", contentType);
        return send(method, target, h, body == null ? null : Body.of(body), false);
    }

    /**
     * Sends one request and reads the answer. {@code headOnly} stops after the headers of a 2xx (an
     * event stream never ends). A server that answers before reading the whole body (413) may close the
     * connection while we write: the answer it sent is still read.
     */
    static Answer send(String method, String target, Map<String, String> extra, Body body, boolean headOnly) {
        try (Socket s = new Socket("127.0.0.1", RestAssured.port)) {
            s.setSoTimeout(TIMEOUT_MS);
            StringBuilder head = new StringBuilder(method + " " + target + " HTTP/1.1\r\n");
            Map<String, String> all = headers();
            all.putAll(extra);
            all.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
            if (body != null)
                head.append("Content-Length: ").append(body.length()).append("\r\n");
            head.append("\r\n");
            OutputStream out = s.getOutputStream();
            try {
                out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
                if (body != null) body.writeTo(out);
                out.flush();
            } catch (IOException refusedMidway) {
                // The server answered early and closed; read what it said.
            }
            return read(s.getInputStream(), headOnly);
        } catch (SocketTimeoutException e) {
            return new Answer(0, null, ("no answer in " + TIMEOUT_MS + " ms").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Answer read(InputStream in, boolean headOnly) throws IOException {
        String status = line(in);
        if (status == null) return new Answer(0, null, "connection closed without an answer".getBytes());
        Map<String, String> h = new LinkedHashMap<>();
        for (String l = line(in); l != null && !l.isEmpty(); l = line(in)) {
            int colon = l.indexOf(':');
            if (colon > 0)
                h.put(
                        l.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        l.substring(colon + 1).trim());
        }
        int code = Integer.parseInt(status.split(" ")[1]);
        byte[] body = new byte[0];
        if (!headOnly || code / 100 != 2) {
            if ("chunked".equalsIgnoreCase(h.get("transfer-encoding"))) body = chunked(in);
            else if (h.containsKey("content-length")) body = in.readNBytes(Integer.parseInt(h.get("content-length")));
            else body = in.readAllBytes();
        }
        return new Answer(code, h.get("content-type"), body);
    }

    private static byte[] chunked(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String size = line(in); size != null && !size.isEmpty(); size = line(in)) {
            int n = Integer.parseInt(size.split(";")[0].trim(), 16);
            if (n == 0) break;
            out.write(in.readNBytes(n));
            line(in);
        }
        return out.toByteArray();
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (int c = in.read(); c != -1; c = in.read()) {
            if (c == '\n') return b.toString(StandardCharsets.ISO_8859_1).replaceAll("\r$", "");
            b.write(c);
        }
        return b.size() == 0 ? null : b.toString(StandardCharsets.ISO_8859_1);
    }
}
