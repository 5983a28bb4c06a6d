package dev.tunelab.core.data;

import java.util.List;

/**
 * One file format read into samples; {@link SampleReader} picks the format from the meta and the
 * bytes.
 */
interface SampleFormat {

    /**
     * Reads {@code content}; what {@code meta} leaves open (task, classes, vocabulary, lengths, image
     * size) is found in the data and filled into the returned meta.
     *
     * @throws BadDatasetException naming the upload field at fault and what is wrong
     * @throws LimitExceededException when the content goes past one of {@code limits}
     */
    Loaded load(DatasetMeta meta, byte[] content, DatasetLimits limits);

    /**
     * What an upload holds without the samples themselves: the complete meta, one sample's shape and
     * the number of samples, with the same checks as {@link #load}. By default the samples are
     * loaded and dropped; formats whose samples take far more memory than the file override it.
     */
    default Profile profile(DatasetMeta meta, byte[] content, DatasetLimits limits) {
        Loaded l = load(meta, content, limits);
        return new Profile(l.meta(), l.samples().shape(), l.samples().size());
    }

    record Loaded(DatasetMeta meta, Samples samples) {}

    record Profile(DatasetMeta meta, List<Integer> shape, int samples) {}
}
