package dev.tunelab.core.template.layers;

/** Why a layer cannot take the shape it is given; the message is what the user reads. */
public final class Misfit extends Exception {
    private static final long serialVersionUID = 1L;

    public Misfit(String reason) {
        // Thrown once per invalid point of a space summary: no stack trace to fill.
        super(reason, null, false, false);
    }
}
