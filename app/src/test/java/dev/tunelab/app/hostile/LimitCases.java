package dev.tunelab.app.hostile;

import static dev.tunelab.app.hostile.HostileCase.refused;

import dev.tunelab.app.hostile.HostileHttp.Body;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Bodies and uploads past the size and memory limits, run last: an oversized body, an oversized
 * file, a gzip bomb, an image of 256 MiB of pixels and a zip bomb, answered by the upload limits
 * ({@link HostileCase#rebuilt()}).
 */
final class LimitCases {
    private static final String BOUNDARY = "hostileboundary";

    private LimitCases() {}

    static List<HostileCase> all(Path target) {
        List<HostileCase> out = new ArrayList<>();
        out.add(refused(
                        "limits",
                        "a 300 MB study",
                        () -> HostileHttp.send(
                                "POST",
                                StudyBodyCases.STUDIES,
                                Map.of("Content-Type", "application/json"),
                                Body.repeated(300L << 20, " ".getBytes()),
                                false))
                .inRebuiltUploads());
        out.add(refused("limits", "a 210 MB CSV file", () -> multipart("big.csv", bigCsv(210L << 20), "y"))
                .inRebuiltUploads());
        out.add(refused("limits", "a 300 MB upload body", () -> multipart("huge.csv", bigCsv(300L << 20), "y"))
                .inRebuiltUploads());
        byte[] labels = Zips.idx(8, new int[] {1 << 20}, new byte[0]);
        out.add(refused("limits", "an IDX gzip bomb (1 GiB of images)", () -> {
                    byte[] bomb = gzipZeros(1L << 30, Zips.idx(8, new int[] {1 << 20, 32, 32}, new byte[0]));
                    return UploadCases.send(
                            r -> r.multiPart("file", "bomb.idx.gz", bomb).multiPart("labels", "l.idx", labels));
                })
                .inRebuiltUploads());
        out.add(refused("limits", "a 16384x16384 image", () -> UploadCases.upload("big.zip", bigImageZip()))
                .inRebuiltUploads());
        out.add(refused(
                        "limits",
                        "a zip bomb of 10 GiB",
                        () -> UploadCases.upload("bomb.zip", read(ZipBomb.file(target))))
                .inRebuiltUploads());
        return out;
    }

    /** A multipart upload of {@code file} (streamed, never held whole) with a label field. */
    private static Answer multipart(String name, Body file, String label) {
        byte[] head = ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"label\"\r\n\r\n" + label + "\r\n--"
                        + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                        + "\"\r\nContent-Type: text/csv\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8);
        Body all = new Body() {
            public long length() {
                return head.length + file.length() + tail.length;
            }

            public void writeTo(OutputStream out) throws IOException {
                out.write(head);
                file.writeTo(out);
                out.write(tail);
            }
        };
        return HostileHttp.send(
                "POST",
                UploadCases.DATASETS,
                Map.of("Content-Type", "multipart/form-data; boundary=" + BOUNDARY),
                all,
                false);
    }

    private static Body bigCsv(long bytes) {
        return new Body() {
            public long length() {
                return bytes;
            }

            public void writeTo(OutputStream out) throws IOException {
                byte[] header = "x1,x2,y\n".getBytes(StandardCharsets.US_ASCII);
                out.write(header);
                Body.repeated(bytes - header.length, "1,2,a\n3,4,b\n".getBytes(StandardCharsets.US_ASCII))
                        .writeTo(out);
            }
        };
    }

    /** {@code header} followed by {@code zeros} zero bytes, gzipped (about a thousandth of the size). */
    private static byte[] gzipZeros(long zeros, byte[] header) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (OutputStream g = new java.util.zip.GZIPOutputStream(b, 1 << 16)) {
            g.write(header);
            Body.repeated(zeros, new byte[] {0}).writeTo(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return b.toByteArray();
    }

    /** Two classes of one image each, one of them 16384x16384 pixels (256 MiB as grey bytes). */
    private static byte[] bigImageZip() {
        return Zips.of(Map.of("cat/0.png", Zips.png(16_384, 16_384), "dog/0.png", Zips.png(4, 4)));
    }

    private static byte[] read(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
