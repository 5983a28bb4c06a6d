package dev.tunelab.api.limits;

import dev.tunelab.api.ApiProblem;
import dev.tunelab.core.limits.Limit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Quarkus REST refuses a multipart form of more fields than {@code quarkus.http.limits.max-form-fields}
 * with a bare RuntimeException ("Param limit of 1000 was exceeded"), which would be a 500: this
 * recognises it so it is answered as the limit it is.
 */
public final class FormFields {
    private static final Pattern MESSAGE = Pattern.compile("Param limit of (\\d+) was exceeded");

    private FormFields() {}

    /** 413 naming the form-field limit when {@code e} or a cause is that refusal, else null. */
    public static ApiProblem problem(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            Matcher m = t.getMessage() == null ? null : MESSAGE.matcher(t.getMessage());
            if (m != null && m.find()) {
                Limit limit = new Limit("quarkus.http.limits.max-form-fields", Long.parseLong(m.group(1)));
                return LimitProblems.tooLarge(null, "the form has more than " + limit.value() + " fields", limit);
            }
        }
        return null;
    }
}
