package dev.tunelab.core.data;

/**
 * A dataset that cannot be used, with the upload field to blame ({@code file}, {@code label},
 * {@code window}, ...), so the API can answer with {@code $.field} and the user knows what to fix.
 */
public class BadDatasetException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final String field;

    public BadDatasetException(String field, String message) {
        super(message);
        this.field = field;
    }

    public BadDatasetException(String field, String message, Throwable cause) {
        super(message, cause);
        this.field = field;
    }

    /** The upload field at fault, e.g. {@code "file"} or {@code "window"}. */
    public String field() {
        return field;
    }
}
