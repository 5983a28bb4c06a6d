package dev.tunelab.app.hostile;

import static dev.tunelab.app.hostile.HostileCase.accepted;
import static dev.tunelab.app.hostile.HostileCase.refused;
import static io.restassured.RestAssured.given;

import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/** Hostile dataset uploads: broken CSV, IDX and zip files, zip slip names, bad form fields. */
final class UploadCases {
    static final String DATASETS = "/api/v1/datasets";
    /** Twelve rows: a dataset needs at least ten samples. */
    private static final String GOOD_CSV = "x1,x2,y\n" + "1,2,a\n3,4,b\n".repeat(6);

    private UploadCases() {}

    static List<HostileCase> all(Fixture f) {
        List<HostileCase> out = new ArrayList<>();
        csv(out);
        fields(f, out);
        idx(out);
        zips(out);
        return out;
    }

    /** A multipart upload: {@code file} as {@code fileName}, then the text fields. */
    static Answer upload(String fileName, byte[] file, String... fields) {
        return send(r -> r.multiPart("file", fileName, file, "application/octet-stream"), fields);
    }

    static Answer send(UnaryOperator<RequestSpecification> parts, String... fields) {
        RequestSpecification r = parts.apply(given());
        for (int i = 0; i < fields.length; i += 2) r = r.multiPart(fields[i], fields[i + 1]);
        return Answer.of(r.post(DATASETS));
    }

    private static void csv(List<HostileCase> out) {
        // Each after enough good rows, so what is refused is the row shown, not a dataset too small.
        String rows = GOOD_CSV.substring(GOOD_CSV.indexOf('\n') + 1);
        String head = "x1,x2,y\n" + rows;
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("ragged: a row with an extra cell", head + "3,4,b,9\n");
        bad.put("ragged: a row with a cell missing", head + "3,b\n");
        bad.put("header only", "x1,x2,y\n");
        bad.put("empty file", "");
        bad.put("only newlines", "\n\n\n\n");
        bad.put("duplicate column names", "x,x,y\n" + rows);
        bad.put("a NaN cell", head + "NaN,2,a\n");
        bad.put("an Infinity cell", head + "3,-Infinity,b\n");
        bad.put("a 1e400 cell", head + "1e400,2,a\n");
        bad.put("an unbalanced quote", head + "\"1,2,a\n");
        bad.put("one class only", "x1,x2,y\n" + "1,2,a\n".repeat(12));
        bad.put("semicolons, so one column", "x1;x2;y\n" + rows.replace(',', ';'));
        bad.put("a cell of whitespace", head + " ,2,a\n");
        bad.put("an empty label", head + "1,2,\n");
        for (Map.Entry<String, String> c : bad.entrySet()) {
            byte[] b = c.getValue().getBytes(StandardCharsets.UTF_8);
            out.add(refused("csv", c.getKey(), () -> upload("bad.csv", b, "label", "y")));
        }
        out.add(refused("csv", "20,000 columns", () -> upload("wide.csv", wide(20_000), "label", "y")));
        String bigCell = "x1,x2,y\n" + "9".repeat(1 << 20) + ",2,a\n3,4,b\n";
        out.add(refused("csv", "a 1 MB number", () -> upload("big.csv", bigCell.getBytes(), "label", "y")));
        String longHeader = "x".repeat(100_000) + ",x2,y\n1,2,a\n3,4,b\n5,6,a\n";
        out.add(refused(
                "csv", "a 100,000-character column name", () -> upload("h.csv", longHeader.getBytes(), "label", "y")));
        byte[] badUtf8 =
                concat("x1,x2,y\n1,2,a\u00ff\n".getBytes(StandardCharsets.ISO_8859_1), "3,4,b\n5,6,a\n".getBytes());
        out.add(refused("csv", "bytes that are not UTF-8 in a cell", () -> upload("u.csv", badUtf8, "label", "y")));
        byte[] badHeader =
                concat("x\u00c0\u0080,x2,y\n".getBytes(StandardCharsets.ISO_8859_1), "1,2,a\n3,4,b\n".getBytes());
        out.add(refused("csv", "an overlong NUL in the header", () -> upload("u.csv", badHeader, "label", "y")));
        out.add(refused(
                "csv", "64 KB of random bytes", () -> upload("r.csv", Garbage.bytes(1 << 16, 1), "label", "y")));
        byte[] gz = concat(new byte[] {0x1f, (byte) 0x8b, 8, 0}, Garbage.bytes(4096, 2));
        out.add(refused("csv", "random bytes behind a gzip header", () -> upload("r.csv.gz", gz, "label", "y")));
        byte[] bom = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, GOOD_CSV.getBytes());
        out.add(accepted("csv", "a byte order mark before the header", () -> upload("bom.csv", bom, "label", "y")));
        // Not read by the CSV reader, which goes line by line: refused with the file's path.
        String cr = GOOD_CSV.replace('\n', '\r');
        out.add(refused("csv", "old Mac line ends", () -> upload("cr.csv", cr.getBytes(), "label", "y")));
        String quotedNewline = GOOD_CSV + "1,2,\"a\nb\"\n";
        out.add(refused(
                "csv",
                "a quoted label with a line break",
                () -> upload("q.csv", quotedNewline.getBytes(), "label", "y")));
    }

    private static void fields(Fixture f, List<HostileCase> out) {
        byte[] csv = GOOD_CSV.getBytes(StandardCharsets.UTF_8);
        List<String[]> bad = List.of(
                new String[] {"label", "nope"},
                new String[] {"label", "x".repeat(100_000)},
                new String[] {"label", "y", "kind", "garbage"},
                new String[] {"label", "y", "kind", "table\u0000"},
                new String[] {"label", "y", "task", "both"},
                new String[] {"kind", "images", "imageSize", "999999x999999"},
                new String[] {"kind", "images", "imageSize", "0x0"},
                new String[] {"kind", "images", "imageSize", "abc"},
                new String[] {"label", "y", "kind", "timeseries", "window", "-1"},
                new String[] {"label", "y", "kind", "timeseries", "window", "2147483648"},
                new String[] {"label", "y", "kind", "timeseries", "horizon", "0"},
                new String[] {"label", "y", "kind", "tokens", "column", "x1", "sequenceLength", "1000000000"},
                new String[] {"label", "y", "kind", "tokens", "column", "x1", "vocabularySize", "99999999999"},
                new String[] {"label", "y", "kind", "tokens", "column", "x1", "vocabularySize", "-5"},
                new String[] {"label", "y", "kind", "tokens", "column", "nope"},
                new String[] {"label", "y", "trainingSet", ".."},
                new String[] {"label", "y", "trainingSet", "x".repeat(5_000)},
                new String[] {"label", "y", "trainingSet", f.dataset(), "window", "3"},
                new String[] {"label", "y", "window", "3"},
                new String[] {"label", "y", "name", "na\u0007me"});
        for (String[] fields : bad) {
            out.add(refused("upload fields", describe(fields), () -> upload("d.csv", csv, fields)));
        }
        out.add(refused("upload fields", "no file part", () -> send(r -> r, "label", "y")));
        out.add(refused(
                "upload fields",
                "the file as a text field",
                () -> send(r -> r.multiPart("file", GOOD_CSV), "label", "y")));
        out.add(refused(
                "upload fields",
                "labels without images",
                () -> send(
                        r -> r.multiPart("file", "d.csv", csv).multiPart("labels", "l.idx", new byte[] {0, 0, 8, 1}),
                        "label",
                        "y")));
        out.add(refused("upload fields", "an empty form", () -> send(r -> r.multiPart("nothing", ""))));
        // pandas writes its index column without a name: an empty header is an ordinary CSV.
        byte[] index = (",x2,y\n" + GOOD_CSV.substring(GOOD_CSV.indexOf('\n') + 1)).getBytes(StandardCharsets.UTF_8);
        out.add(accepted("csv", "an empty header name", () -> upload("index.csv", index, "label", "y")));
        String traversal = "../../../../etc/passwd";
        // The file name is only shown as the dataset's name; nothing is written under it.
        out.add(accepted("upload fields", "file name " + traversal, () -> upload(traversal, csv, "label", "y")));
    }

    private static void idx(List<HostileCase> out) {
        byte[] images = Zips.idx(8, new int[] {4, 2, 2}, new byte[16]);
        byte[] labels = Zips.idx(8, new int[] {4}, new byte[] {0, 1, 0, 1});
        record Pair(String name, byte[] images, byte[] labels) {}
        List<Pair> bad = List.of(
                new Pair("random bytes as both files", Garbage.bytes(4096, 3), Garbage.bytes(64, 4)),
                new Pair("wrong magic", concat(new byte[] {1, 2}, images), labels),
                new Pair("a zero dimension", Zips.idx(8, new int[] {0, 2, 2}, new byte[0]), labels),
                new Pair("rank 255", Zips.idx(8, new int[255], new byte[0]), labels),
                new Pair("element type float", Zips.idx(0x0D, new int[] {4, 2, 2}, new byte[64]), labels),
                new Pair("three labels for four images", images, Zips.idx(8, new int[] {3}, new byte[3])),
                new Pair(
                        "data shorter than the header says",
                        Zips.idx(8, new int[] {400, 28, 28}, new byte[10]),
                        labels),
                new Pair("gzip cut short", cut(Zips.gzip(images)), labels),
                new Pair("random bytes gzipped", Zips.gzip(Garbage.bytes(4096, 5)), labels),
                new Pair("images as labels", images, images));
        for (Pair p : bad) {
            out.add(refused(
                    "idx",
                    p.name(),
                    () -> send(
                            r -> r.multiPart("file", "i.idx", p.images()).multiPart("labels", "l.idx", p.labels()))));
        }
    }

    private static void zips(List<HostileCase> out) {
        Map<String, Map<String, byte[]>> slip = new LinkedHashMap<>();
        for (String prefix : List.of("../../evil/", "/abs/", "cls/../../", "C:\\evil\\", "..\\..\\")) {
            slip.put("zip slip " + prefix, Zips.twoClasses(prefix));
        }
        for (Map.Entry<String, Map<String, byte[]>> s : slip.entrySet()) {
            byte[] zip = Zips.of(s.getValue());
            out.add(refused("zip", s.getKey(), () -> upload("slip.zip", zip)));
        }
        Map<String, byte[]> garbageImages = new LinkedHashMap<>();
        garbageImages.put("cat/0.png", Garbage.bytes(512, 6));
        garbageImages.put("dog/0.png", Garbage.bytes(512, 7));
        Map<String, byte[]> flat = Map.of("0.png", Zips.png(4, 4), "1.png", Zips.png(4, 4));
        Map<String, byte[]> nested = Zips.twoClasses("a/b/c/");
        nested.put("x/y/z/0.png", Zips.png(4, 4));
        Map<String, byte[]> oneClass = Map.of("cat/0.png", Zips.png(4, 4), "cat/1.png", Zips.png(4, 4));
        Map<String, byte[]> textFiles = Map.of("cat/0.txt", new byte[] {1}, "dog/0.txt", new byte[] {2});
        Map<String, byte[]> mixedSizes = Zips.twoClasses("");
        mixedSizes.put("cat/big.png", Zips.png(64, 8));
        byte[] valid = Zips.of(Zips.twoClasses(""));
        Map<String, byte[]> zipInZip = Map.of("cat/inner.png", valid, "dog/inner.png", valid);
        List<Object[]> bad = List.of(
                new Object[] {"images of random bytes", Zips.of(garbageImages)},
                new Object[] {"images outside class folders", Zips.of(flat)},
                new Object[] {"images nested too deep", Zips.of(nested)},
                new Object[] {"one class", Zips.of(oneClass)},
                new Object[] {"no images", Zips.of(textFiles)},
                new Object[] {"a zip inside as images", Zips.of(zipInZip)},
                new Object[] {"the archive cut in half", cut(valid)},
                new Object[] {"random bytes behind PK", concat("PK\3\4".getBytes(), Garbage.bytes(4096, 8))},
                new Object[] {"the end record alone", concat("PK\5\6".getBytes(), new byte[18])},
                new Object[] {"entry name with NUL", Zips.withRawName(new byte[] {'a', 0, 'b'})},
                new Object[] {"entry name not UTF-8", Zips.withRawName(new byte[] {(byte) 0xff, (byte) 0xfe})},
                new Object[] {
                    "entry name an unpaired surrogate",
                    Zips.withRawName(new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80})
                },
                new Object[] {"entries flagged encrypted", encrypted(valid)});
        for (Object[] c : bad) {
            byte[] zip = (byte[]) c[1];
            HostileCase refused = refused("zip", (String) c[0], () -> upload("bad.zip", zip));
            // Were 500s (ZipInputStream's IllegalArgumentException) before zip names were checked.
            boolean malformedName = Set.of("entry name not UTF-8", "entry name an unpaired surrogate")
                    .contains(c[0]);
            out.add(malformedName ? refused.inRebuiltUploads() : refused);
        }
        out.add(refused("zip", "images of two sizes, no imageSize", () -> upload("sizes.zip", Zips.of(mixedSizes))));
    }

    /** Sets the "encrypted" bit of every local and central header. */
    private static byte[] encrypted(byte[] zip) {
        byte[] z = zip.clone();
        for (int i = 0; i + 8 < z.length; i++) {
            if (z[i] == 'P' && z[i + 1] == 'K' && z[i + 2] == 3 && z[i + 3] == 4) z[i + 6] |= 1;
            if (z[i] == 'P' && z[i + 1] == 'K' && z[i + 2] == 1 && z[i + 3] == 2) z[i + 8] |= 1;
        }
        return z;
    }

    private static byte[] wide(int columns) {
        StringBuilder b = new StringBuilder();
        for (int row = 0; row < 3; row++) {
            for (int c = 0; c < columns; c++) b.append(row == 0 ? "c" + c : "1").append(',');
            b.append(row == 0 ? "y" : row % 2 == 0 ? "a" : "b").append('\n');
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] cut(byte[] b) {
        return java.util.Arrays.copyOf(b, b.length / 2);
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static String describe(String[] fields) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < fields.length; i += 2)
            b.append(fields[i])
                    .append('=')
                    .append(PathCases.shorten(fields[i + 1]))
                    .append(' ');
        return b.toString().strip();
    }
}
