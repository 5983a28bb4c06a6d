package dev.tunelab.core.data;

/**
 * A CSV with a label column, as the table, sequence and text formats read it. The labels are read
 * only when asked for, after a format's own checks, so a file's first error stays the one a user is
 * told about.
 */
record LabeledCsv(Csv csv, String labelName, int label) {

    static LabeledCsv read(DatasetMeta meta, byte[] content, DatasetLimits limits) {
        Csv csv = CsvCells.parse(content, limits);
        String labelName = meta.requireLabel();
        return new LabeledCsv(csv, labelName, CsvCells.column(csv, labelName, "label"));
    }

    Labels labels(DatasetMeta meta) {
        return Labels.of(CsvCells.values(csv, label), labelName, meta.task(), meta.classes(), i -> "row " + (i + 1));
    }

    /**
     * The column a sequence or text dataset reads: the one named in the options, or the only other
     * one.
     */
    int dataColumn(DatasetMeta meta, String what) {
        return CsvCells.dataColumn(csv, meta.options().column(), label, what);
    }

    /** The cell of {@code row} in {@code column}, refused when it holds nothing but blanks. */
    String nonBlank(int row, int column) {
        String text = csv.rows().get(row)[column];
        if (text.isBlank()) {
            throw new BadDatasetException(
                    "file", "row " + (row + 1) + ", column '" + csv.header().get(column) + "' is empty");
        }
        return text;
    }
}
