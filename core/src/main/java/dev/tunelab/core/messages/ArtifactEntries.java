package dev.tunelab.core.messages;

/**
 * Entry names inside the zips that travel between processes: a trial's model (written by a worker,
 * stored and served by the API, loaded by users) and a checkpoint (written by one worker, resumed
 * by another). Both are DL4J model zips with extra entries; DL4J looks its own entries up by name,
 * so extra ones travel without breaking {@code ModelSerializer}'s restore methods.
 */
public final class ArtifactEntries {
    /** The model card, so a downloaded model explains itself without the database. */
    public static final String MODEL_CARD = "modelcard.json";

    /** {@code {trialId, attempt, epoch}} of a checkpoint; the API refuses a checkpoint without it. */
    public static final String CHECKPOINT = "checkpoint.json";

    /**
     * The fitted normalizer. DL4J's own name ({@code ModelSerializer.NORMALIZER_BIN}), spelled here
     * so modules without DL4J can name it; a worker test checks the two agree.
     */
    public static final String NORMALIZER = "normalizer.bin";

    private ArtifactEntries() {}
}
