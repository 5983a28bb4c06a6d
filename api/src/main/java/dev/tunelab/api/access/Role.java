package dev.tunelab.api.access;

import java.util.Locale;

/** A member's role in a project; each includes what the ones before it may do. */
public enum Role {
    /** Reads and downloads. */
    VIEWER,
    /** Also uploads datasets, submits and cancels studies and trials. */
    EDITOR,
    /** Also manages members and project tokens, and reads the audit log. */
    ADMIN;

    public boolean atLeast(Role other) {
        return compareTo(other) >= 0;
    }

    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The role named {@code s}, or null when it names none. */
    public static Role parse(String s) {
        if (s == null) return null;
        for (Role r : values()) if (r.json().equals(s)) return r;
        return null;
    }
}
