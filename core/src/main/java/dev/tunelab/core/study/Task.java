package dev.tunelab.core.study;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What a dataset's label asks for; it fixes the output layer, the loss and the metrics. */
public enum Task {
    CLASSIFICATION,
    REGRESSION;

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Task parse(String text) {
        return valueOf(text.trim().toUpperCase(Locale.ROOT));
    }
}
