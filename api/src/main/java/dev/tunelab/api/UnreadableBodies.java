package dev.tunelab.api;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.tunelab.core.study.Violation;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Request bodies that cannot be read are the client's error, though two arrive as exceptions that
 * would otherwise end as a bare 400 or a 500: Jackson's {@link MismatchedInputException} (a second
 * document after the first), which Quarkus answers itself without problem+json, and the form
 * parser's plain {@link IOException} (a multipart boundary that never comes), told apart from the
 * server's own I/O failures by where it was thrown.
 */
public class UnreadableBodies {
    static final String FORM_PARSER_PACKAGE = "org.jboss.resteasy.reactive.server.core.multipart.";

    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e) {
        return new ProblemMappers().badJson(e);
    }

    @ServerExceptionMapper
    public Response unreadableForm(IOException e) {
        if (!fromFormParser(e)) return new ProblemMappers().unexpected(e);
        return ProblemMappers.problem(
                400,
                "Malformed multipart body",
                "the multipart body cannot be read: " + e.getMessage(),
                List.of(new Violation("$", "not a readable multipart/form-data body")));
    }

    static boolean fromFormParser(Throwable e) {
        StackTraceElement[] at = e.getStackTrace();
        return at.length > 0 && at[0].getClassName().startsWith(FORM_PARSER_PACKAGE);
    }
}
