package dev.tunelab.store;

/** The single project of a one-machine install; access control will choose among many later. */
public final class Projects {
    public static final String DEFAULT = "default";

    private Projects() {}
}
