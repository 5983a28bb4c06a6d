package dev.tunelab.core.data;

import dev.tunelab.core.study.SafeText;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/** Column look-up and strict numbers for the CSV formats, with errors that name row and column. */
final class CsvCells {
    private CsvCells() {}

    static Csv parse(byte[] content, DatasetLimits limits) {
        Csv csv;
        try {
            csv = Csv.parse(content, limits.tableCells());
        } catch (LimitExceededException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new BadDatasetException("file", e.getMessage(), e);
        }
        if (new HashSet<>(csv.header()).size() != csv.header().size()) {
            throw new BadDatasetException("file", "column names must be unique: " + csv.header());
        }
        if (csv.rows().isEmpty()) throw new BadDatasetException("file", "the CSV has a header but no data rows");
        storable(csv);
        return csv;
    }

    /** Names and classes are stored as text, which cannot hold U+0000 or half a character. */
    private static void storable(Csv csv) {
        for (int c = 0; c < csv.header().size(); c++) {
            String p = SafeText.problem(csv.header().get(c));
            if (p != null) throw new BadDatasetException("file", "the name of column " + (c + 1) + " " + p);
        }
        for (int r = 0; r < csv.rows().size(); r++) {
            String[] row = csv.rows().get(r);
            for (int c = 0; c < row.length; c++) {
                String p = SafeText.problem(row[c]);
                if (p != null)
                    throw new BadDatasetException("file", "row " + (r + 1) + ", column " + (c + 1) + " " + p);
            }
        }
    }

    /** The index of column {@code name}; {@code field} is the upload field that named it. */
    static int column(Csv csv, String name, String field) {
        int at = csv.column(name);
        if (at < 0) throw new BadDatasetException(field, "no column named '" + name + "'; columns are " + csv.header());
        return at;
    }

    /**
     * The one column besides the label when {@code name} is null; a text or sequence CSV often has
     * just two.
     */
    static int dataColumn(Csv csv, String name, int label, String what) {
        if (name != null) return column(csv, name, "column");
        List<String> others = new ArrayList<>(csv.header());
        others.remove(label);
        if (others.size() != 1) {
            throw new BadDatasetException(
                    "column", "name the " + what + " column (field 'column'); columns are " + others);
        }
        return csv.header().indexOf(others.get(0));
    }

    static List<String> values(Csv csv, int column) {
        List<String> out = new ArrayList<>(csv.rows().size());
        for (String[] row : csv.rows()) out.add(row[column]);
        return out;
    }

    /**
     * Row numbers are 1-based and count data rows only, as a spreadsheet under its header shows them.
     */
    static float number(String value, int row, String column) {
        String why;
        if (value.isEmpty()) {
            why = "is empty";
        } else {
            try {
                double d = Double.parseDouble(value);
                if (Double.isFinite(d)) return (float) d;
                why = "is not finite: '" + value + "'";
            } catch (NumberFormatException e) {
                why = "is not a number: '" + value + "'";
            }
        }
        throw new BadDatasetException("file", String.format("row %d, column '%s' %s", row + 1, column, why));
    }
}
