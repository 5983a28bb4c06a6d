package dev.tunelab.worker.training;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits CSV text into rows of fields: comma separated, fields optionally in double quotes (a
 * doubled quote inside is one quote), so a quoted field may hold commas or line breaks. Blank
 * lines are skipped, because uploaded files often end with one or more newlines.
 */
final class CsvRows {

  private CsvRows() {}

  /** The rows of {@code csv}; each row also records the 1-based line it started on. */
  static List<Row> parse(byte[] csv) {
    String text = new String(csv, StandardCharsets.UTF_8);
    // A UTF-8 byte order mark (Excel writes one) would otherwise stick to the first header name.
    if (text.startsWith("\uFEFF")) text = text.substring(1);
    List<Row> rows = new ArrayList<>();
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    boolean rowHasContent = false;
    int line = 1;
    int rowLine = 1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          if (c == '\n') line++;
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
        rowHasContent = true;
      } else if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
        rowHasContent = true;
      } else if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') i++;
        if (rowHasContent || field.length() > 0) {
          fields.add(field.toString());
          rows.add(new Row(rowLine, List.copyOf(fields)));
        }
        fields.clear();
        field.setLength(0);
        rowHasContent = false;
        line++;
        rowLine = line;
      } else {
        field.append(c);
        if (!Character.isWhitespace(c)) rowHasContent = true;
      }
    }
    if (quoted) throw new IllegalArgumentException("line " + rowLine + ": unterminated quoted field");
    if (rowHasContent || field.length() > 0) {
      fields.add(field.toString());
      rows.add(new Row(rowLine, List.copyOf(fields)));
    }
    return rows;
  }

  record Row(int line, List<String> fields) {}
}
