package dev.tunelab.core.data;

import dev.tunelab.core.limits.Limit;
import java.nio.charset.StandardCharsets;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;

/**
 * A comma-separated table with a header row. Fields may be double-quoted (with "" for a quote);
 * blank lines are skipped. Small on purpose: datasets here are numeric tables, not arbitrary text.
 *
 * <p>Read line by line from the bytes, counting cells against a limit as it goes, so a huge file is
 * refused at the limit. Rows are kept as their lines and split again when asked for: a line costs
 * about its length, where a String per cell would cost some fifty bytes each.
 */
public record Csv(List<String> header, List<String[]> rows) {

    public static Csv parse(byte[] bytes) {
        return parse(bytes, DatasetLimits.NONE.tableCells());
    }

    /**
     * @throws LimitExceededException as soon as the cells read (the header's included) pass {@code
     *     cells}
     * @throws IllegalArgumentException for a row whose fields do not match the header, or an unclosed
     *     quote
     */
    public static Csv parse(byte[] bytes, Limit cells) {
        if (cells.exceededBy(cellsAtLeast(bytes, cells))) throw tooMany(cells);
        List<String> lines = new ArrayList<>();
        List<String> header = null;
        long count = 0;
        Lines in = new Lines(bytes);
        for (String line = in.next(); line != null; line = in.next()) {
            if (line.isBlank()) continue;
            String[] fields = split(line, in.number(), cells, count);
            count += fields.length;
            if (header == null) {
                header = List.of(fields);
            } else {
                if (fields.length != header.size()) {
                    throw new IllegalArgumentException("row "
                            + (lines.size() + 1)
                            + " has "
                            + fields.length
                            + " fields but the header has "
                            + header.size());
                }
                lines.add(line);
            }
        }
        if (header == null) throw new IllegalArgumentException("the file is empty: a header row is needed");
        return new Csv(header, new Rows(lines));
    }

    /** The header alone, from the first line that is not blank. */
    public static List<String> header(byte[] bytes) {
        Lines in = new Lines(bytes);
        for (String line = in.next(); line != null; line = in.next()) {
            if (!line.isBlank()) return List.of(split(line, in.number(), DatasetLimits.NONE.tableCells(), 0));
        }
        throw new IllegalArgumentException("the file is empty: a header row is needed");
    }

    public int column(String name) {
        return header.indexOf(name);
    }

    /** The rows, each split from its line on every {@code get}: callers take a row once. */
    private static final class Rows extends AbstractList<String[]> {
        private final List<String> lines;

        Rows(List<String> lines) {
            this.lines = lines;
        }

        @Override
        public String[] get(int i) {
            return split(lines.get(i), i + 2, DatasetLimits.NONE.tableCells(), 0);
        }

        @Override
        public int size() {
            return lines.size();
        }
    }

    /** UTF-8 lines of a byte array, split at "\n" with a "\r" before it dropped; a BOM skipped. */
    private static final class Lines {
        private final byte[] bytes;
        private int at;
        private int number;

        Lines(byte[] bytes) {
            this.bytes = bytes;
            boolean bom = bytes.length >= 3
                    && (bytes[0] & 0xFF) == 0xEF
                    && (bytes[1] & 0xFF) == 0xBB
                    && (bytes[2] & 0xFF) == 0xBF;
            this.at = bom ? 3 : 0;
        }

        String next() {
            if (at > bytes.length || (at == bytes.length && number > 0 && bytes[at - 1] != '\n')) return null;
            int end = at;
            while (end < bytes.length && bytes[end] != '\n') end++;
            int stop = end > at && bytes[end - 1] == '\r' ? end - 1 : end;
            String line = new String(bytes, at, stop - at, StandardCharsets.UTF_8);
            at = end + 1;
            number++;
            return line;
        }

        /** The 1-based number of the line {@link #next} returned last. */
        int number() {
            return number;
        }
    }

    /**
     * The cells of the file counted on its bytes, before a line is decoded: a file far past the limit
     * is refused for the cost of one scan. Exact for ASCII text; a line with other bytes but no ASCII
     * letter, digit or punctuation is not counted (it may be blank in Unicode's sense), so this never
     * counts more than {@link #parse} does. Stops once past {@code cells}.
     */
    static long cellsAtLeast(byte[] bytes, Limit cells) {
        long count = 0;
        int fields = 1;
        boolean quoted = false;
        boolean content = false;
        for (int i = 0; i <= bytes.length; i++) {
            byte b = i < bytes.length ? bytes[i] : (byte) '\n';
            if (b == '\n') {
                if (content) count += fields;
                if (cells.exceededBy(count)) return count;
                fields = 1;
                quoted = false;
                content = false;
            } else if (b == '"') {
                quoted = !quoted;
                content = true;
            } else if (b == ',') {
                if (!quoted) fields++;
                content = true;
            } else if (b > ' ' && b < 0x7F) {
                content = true;
            }
        }
        return count;
    }

    private static String[] split(String line, int lineNo, Limit cells, long before) {
        List<String> fields = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cur.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(cur.toString().trim());
                cur.setLength(0);
                // Counted per field, so one line of a hundred million commas stops at the limit too.
                if (cells.exceededBy(before + fields.size())) throw tooMany(cells);
            } else {
                cur.append(c);
            }
        }
        if (quoted) throw new IllegalArgumentException("line " + lineNo + " has an unclosed quote");
        fields.add(cur.toString().trim());
        if (cells.exceededBy(before + fields.size())) throw tooMany(cells);
        return fields.toArray(new String[0]);
    }

    private static LimitExceededException tooMany(Limit cells) {
        return new LimitExceededException(
                "file", "the CSV has more than " + cells.value() + " cells (rows × columns)", cells);
    }
}
