package dev.tunelab.core.limits;

/**
 * A bound an operator can change, named by its configuration property: a refusal says which limit
 * was reached and its value, so the user knows what to shrink and the operator what to raise.
 *
 * @param name the property, e.g. {@code tunelab.limits.archive-bytes}
 * @param value the bound; what reaches it is refused
 */
public record Limit(String name, long value) {
    public static final String PREFIX = "tunelab.limits.";

    public Limit {
        if (value < 0) throw new IllegalArgumentException(name + " must not be negative, got " + value);
    }

    /** The limit {@code tunelab.limits.<key>}. */
    public static Limit of(String key, long value) {
        return new Limit(PREFIX + key, value);
    }

    /** Whether {@code amount} goes past this limit. */
    public boolean exceededBy(long amount) {
        return amount > value;
    }

    /** What every refusal ends with: {@code (limit tunelab.limits.archive-bytes)}. */
    public String cite() {
        return "(limit " + name + ")";
    }
}
