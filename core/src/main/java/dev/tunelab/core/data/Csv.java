package dev.tunelab.core.data;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A comma-separated table with a header row. Fields may be double-quoted (with "" for a quote);
 * blank lines are skipped. Small on purpose: datasets here are numeric tables, not arbitrary text.
 */
public record Csv(List<String> header, List<String[]> rows) {

    public static Csv parse(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        List<String[]> lines = new ArrayList<>();
        int lineNo = 0;
        for (String line : text.split("\r?\n", -1)) {
            lineNo++;
            if (line.isBlank()) continue;
            lines.add(split(line, lineNo));
        }
        if (lines.isEmpty()) throw new IllegalArgumentException("the file is empty: a header row is needed");
        List<String> header = List.of(lines.get(0));
        List<String[]> rows = lines.subList(1, lines.size());
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).length != header.size()) {
                throw new IllegalArgumentException("row "
                        + (i + 1)
                        + " has "
                        + rows.get(i).length
                        + " fields but the header has "
                        + header.size());
            }
        }
        return new Csv(header, List.copyOf(rows));
    }

    public int column(String name) {
        return header.indexOf(name);
    }

    private static String[] split(String line, int lineNo) {
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
            } else {
                cur.append(c);
            }
        }
        if (quoted) throw new IllegalArgumentException("line " + lineNo + " has an unclosed quote");
        fields.add(cur.toString().trim());
        return fields.toArray(new String[0]);
    }
}
