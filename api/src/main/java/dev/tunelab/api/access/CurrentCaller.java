package dev.tunelab.api.access;

import jakarta.enterprise.context.RequestScoped;

/** The request's caller, set by {@link AuthFilter} before any resource method runs. */
@RequestScoped
public class CurrentCaller {
    private Caller caller;

    public Caller get() {
        return caller;
    }

    void set(Caller caller) {
        this.caller = caller;
    }
}
