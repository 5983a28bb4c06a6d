package dev.tunelab.core.data;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns a stored dataset (meta and bytes) into {@link Samples}, whatever its kind and format. The
 * API calls {@link #profile} at upload, so a bad file is refused at the door and the stored meta is
 * complete; workers call {@link #read} with that meta and get the same samples.
 *
 * <p>IMAGES content is either the zip {@link IdxImagesFormat#pack} makes from IDX files or a zip of
 * PNG/JPEG files in one folder per class; the entries tell which.
 */
public final class SampleReader {
    /** Fewer samples cannot be split into training and validation sensibly. */
    static final int MIN_SAMPLES = 10;

    private SampleReader() {}

    /**
     * The samples of a stored dataset, read as its meta says. The content was profiled under the
     * API's limits when it was uploaded, so no limit applies here: a worker reads what was accepted.
     */
    public static Samples read(DatasetMeta meta, byte[] content) {
        return format(meta, content).load(meta, content, DatasetLimits.NONE).samples();
    }

    /**
     * An upload read in one step (profiled, then read with the complete meta), for tools and tests.
     */
    public static Samples readUpload(DatasetMeta request, byte[] content) {
        return read(profile(request, content).meta(), content);
    }

    /** {@link #profile(DatasetMeta, byte[], DatasetLimits)} within the default limits. */
    public static DatasetSummary profile(DatasetMeta request, byte[] content) {
        return profile(request, content, DatasetLimits.DEFAULT);
    }

    /**
     * Reads an upload, fills what {@code request} leaves open, and says what it holds. Archives and
     * images are streamed and keep no pixels; the limits are checked while reading.
     *
     * @throws LimitExceededException naming the limit the upload went past
     * @throws BadDatasetException naming the upload field at fault
     */
    public static DatasetSummary profile(DatasetMeta request, byte[] content, DatasetLimits limits) {
        SampleFormat.Profile p = format(request, content).profile(request, content, limits);
        if (p.samples() < MIN_SAMPLES) {
            throw new BadDatasetException(
                    request.kind() == DatasetKind.TIMESERIES ? "window" : "file",
                    "at least " + MIN_SAMPLES + " samples are needed, found " + p.samples());
        }
        return new DatasetSummary(p.meta(), p.shape(), p.samples(), columns(p.meta(), content));
    }

    /**
     * True when {@code content} starts as a zip archive does; an upload without a kind is then
     * images.
     */
    public static boolean isZip(byte[] content) {
        return ZipContent.isZip(content);
    }

    static SampleFormat format(DatasetMeta meta, byte[] content) {
        switch (meta.kind()) {
            case TABLE:
                return new TableFormat();
            case IMAGES:
                return IdxImagesFormat.matches(content) ? new IdxImagesFormat() : new ImageFoldersFormat();
            case TOKENS:
                return new TokensFormat();
            case SEQUENCE:
                return new SequenceFormat();
            case TIMESERIES:
                return new TimeSeriesFormat();
            default:
                throw new IllegalStateException("no reader for " + meta.kind());
        }
    }

    /** Each CSV column's role: the label, the text or sequence column, numbers, or unused. */
    private static List<DatasetSummary.Column> columns(DatasetMeta meta, byte[] content) {
        List<DatasetSummary.Column> out = new ArrayList<>();
        if (meta.kind() == DatasetKind.IMAGES) return out;
        for (String name : Csv.header(content)) {
            String role;
            if (name.equals(meta.label())) role = "label";
            else if (name.equals(meta.options().column()))
                role = meta.kind() == DatasetKind.TOKENS ? "text" : "sequence";
            else if (meta.kind() == DatasetKind.TOKENS || meta.kind() == DatasetKind.SEQUENCE) role = "unused";
            else role = "number";
            out.add(new DatasetSummary.Column(name, role));
        }
        return out;
    }
}
