package dev.tunelab.api;

import dev.tunelab.core.data.BadDatasetException;
import dev.tunelab.core.data.DatasetKind;
import dev.tunelab.core.data.DatasetMeta;
import dev.tunelab.core.data.DatasetOptions;
import dev.tunelab.core.data.ImageSize;
import dev.tunelab.core.study.SafeText;
import dev.tunelab.core.study.Task;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * The multipart fields of {@code POST /api/v1/datasets}. Numbers arrive as text so that "ten" gets
 * a 422 naming {@code $.window} rather than a bare 400; an option given for a kind that does not
 * use it is refused, since silently ignoring it would hide a typo in the kind.
 */
public class DatasetUploadForm {
    /** The data: a CSV, an images IDX file (raw or gzipped) or a zip of images in class folders. */
    @RestForm
    public FileUpload file;

    /** The labels IDX file that goes with an images IDX file. */
    @RestForm
    public FileUpload labels;

    @RestForm
    public String name;

    @RestForm
    public String kind;

    @RestForm
    public String label;

    @RestForm
    public String task;

    @RestForm
    public String column;

    @RestForm
    public String vocabularySize;

    @RestForm
    public String sequenceLength;

    @RestForm
    public String window;

    @RestForm
    public String horizon;

    @RestForm
    public String imageSize;

    /**
     * Id of the training set whose vocabulary, lengths, image size and classes this test set uses.
     */
    @RestForm
    public String trainingSet;

    /** Refuses a text field, or a file name, that could not be stored (see {@link SafeText}). */
    void checkText() {
        // A text field named "file" arrives without a file name, and a dataset needs one to be named.
        if (file != null && file.fileName() == null)
            throw ApiProblem.invalid("$.file", "must be a file part (with a filename), not a text field");
        if (labels != null && labels.fileName() == null)
            throw ApiProblem.invalid("$.labels", "must be a file part (with a filename), not a text field");
        Map<String, String> fields = kindOptions();
        fields.put("name", name);
        fields.put("kind", kind);
        fields.put("label", label);
        fields.put("task", task);
        fields.put("trainingSet", trainingSet);
        if (file != null) fields.put("file", file.fileName());
        if (labels != null) fields.put("labels", labels.fileName());
        for (Map.Entry<String, String> f : fields.entrySet()) {
            String p = f.getValue() == null ? null : SafeText.problem(f.getValue());
            if (p != null)
                throw ApiProblem.invalid(
                        "$." + f.getKey(),
                        (f.getKey().equals("file") || f.getKey().equals("labels") ? "the file name " : "") + p);
        }
    }

    /**
     * What the fields ask for. Without {@code kind}: the training set's kind for a test set, else a
     * labels file or a zip means images, anything else a table.
     *
     * @param trainingKind the kind of the dataset named by {@code trainingSet}, or null
     */
    DatasetMeta request(boolean fileIsZip, boolean hasLabels, DatasetKind trainingKind) {
        DatasetKind k = present(kind) || trainingKind == null ? kind(fileIsZip, hasLabels) : trainingKind;
        if (k == DatasetKind.IMAGES) {
            if (present(label))
                throw ApiProblem.invalid("$.label", "images take their classes from class folders or the labels file");
        } else {
            if (!present(label)) throw ApiProblem.invalid("$.label", "name the label column (multipart field 'label')");
            if (hasLabels) throw ApiProblem.invalid("$.labels", "a labels file goes with an images IDX file only");
        }
        allowedFor(k);
        try {
            DatasetOptions options = new DatasetOptions(
                    column,
                    number("vocabularySize", vocabularySize),
                    null,
                    number("sequenceLength", sequenceLength),
                    number("window", window),
                    number("horizon", horizon),
                    present(imageSize) ? ImageSize.parse(imageSize) : null,
                    null);
            return new DatasetMeta(k, task(), label, null, options);
        } catch (BadDatasetException e) {
            throw ApiProblem.invalid("$." + e.field(), e.getMessage());
        }
    }

    /** Options that cannot differ from the training set's; label and column may. */
    boolean hasOwnOptions() {
        return present(vocabularySize)
                || present(sequenceLength)
                || present(window)
                || present(horizon)
                || present(imageSize)
                || present(task);
    }

    private DatasetKind kind(boolean fileIsZip, boolean hasLabels) {
        if (!present(kind)) return hasLabels || fileIsZip ? DatasetKind.IMAGES : DatasetKind.TABLE;
        try {
            DatasetKind k = DatasetKind.parse(kind);
            if (hasLabels && k != DatasetKind.IMAGES)
                throw ApiProblem.invalid("$.labels", "a labels file goes with kind 'images' only");
            return k;
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalid(
                    "$.kind", "must be table, images, tokens, sequence or timeseries; got '" + kind + "'");
        }
    }

    private Task task() {
        if (!present(task)) return null;
        if (!Set.of("classification", "regression").contains(task.trim())) {
            throw ApiProblem.invalid("$.task", "must be 'classification' or 'regression', got '" + task + "'");
        }
        return Task.parse(task);
    }

    /** The fields that only some kinds of dataset take, by name. */
    private Map<String, String> kindOptions() {
        Map<String, String> given = new LinkedHashMap<>();
        given.put("column", column);
        given.put("vocabularySize", vocabularySize);
        given.put("sequenceLength", sequenceLength);
        given.put("window", window);
        given.put("horizon", horizon);
        given.put("imageSize", imageSize);
        return given;
    }

    private void allowedFor(DatasetKind k) {
        for (Map.Entry<String, String> f : kindOptions().entrySet()) {
            Set<DatasetKind> kinds = usedBy(f.getKey());
            if (present(f.getValue()) && !kinds.contains(k)) {
                throw ApiProblem.invalid("$." + f.getKey(), "is for " + names(kinds) + " datasets, not " + k.json());
            }
        }
    }

    private static Set<DatasetKind> usedBy(String field) {
        switch (field) {
            case "column":
            case "sequenceLength":
                return Set.of(DatasetKind.TOKENS, DatasetKind.SEQUENCE);
            case "vocabularySize":
                return Set.of(DatasetKind.TOKENS);
            case "window":
            case "horizon":
                return Set.of(DatasetKind.TIMESERIES);
            default:
                return Set.of(DatasetKind.IMAGES);
        }
    }

    private static String names(Set<DatasetKind> kinds) {
        return kinds.stream()
                .map(DatasetKind::json)
                .sorted()
                .reduce((a, b) -> a + " and " + b)
                .orElse("");
    }

    private static Integer number(String field, String text) {
        if (!present(text)) return null;
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw ApiProblem.invalid("$." + field, "must be a whole number, got '" + text + "'");
        }
    }

    static boolean present(String s) {
        return s != null && !s.isBlank();
    }
}
