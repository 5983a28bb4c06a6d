package dev.tunelab.core.data;

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
     */
    Loaded load(DatasetMeta meta, byte[] content);

    record Loaded(DatasetMeta meta, Samples samples) {}
}
