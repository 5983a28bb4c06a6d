package dev.tunelab.core.messages;

import java.util.UUID;

/** An order to workers on {@link Topics#CONTROL}; today only "stop this attempt between epochs". */
public record ControlMessage(int version, Type type, UUID trialId, int attempt) {
    public static final int VERSION = 1;

    public enum Type {
        STOP
    }
}
