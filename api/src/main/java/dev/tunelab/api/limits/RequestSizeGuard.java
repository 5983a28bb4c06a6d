package dev.tunelab.api.limits;

import dev.tunelab.api.ProblemMappers;
import dev.tunelab.core.limits.Limit;
import dev.tunelab.core.messages.Json;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Refuses a request whose Content-Length is past {@code tunelab.limits.request-bytes} before its
 * body is read, with 413 problem+json naming the limit. It is a Vert.x route ordered just before
 * Quarkus's own body-size check, so it answers first whatever the two are set to; that check
 * ({@code quarkus.http.limits.max-body-size}) stays as the backstop for bodies sent without a
 * length (chunked), which it cuts off while they stream.
 */
@ApplicationScoped
public class RequestSizeGuard {
    @Inject
    Limits limits;

    void install(@Observes Router router) {
        Limit limit = limits.request();
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(ctx -> check(ctx, limit));
    }

    private static void check(RoutingContext ctx, Limit limit) {
        long length = contentLength(ctx.request().getHeader("Content-Length"));
        if (!limit.exceededBy(length)) {
            ctx.next();
            return;
        }
        String detail = "the request body is " + length + " bytes, more than " + limit.value() + " " + limit.cite();
        byte[] body = Json.write(ProblemMappers.body(413, LimitProblems.TOO_LARGE, detail, List.of(), limit))
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        // The body is never read: closing the connection spares reading (and dropping) it.
        ctx.response()
                .setStatusCode(413)
                .putHeader("Content-Type", ProblemMappers.PROBLEM_JSON)
                .putHeader("Connection", "close")
                .endHandler(done -> ctx.request().connection().close())
                .end(io.vertx.core.buffer.Buffer.buffer(body));
    }

    /** The declared length, or -1 when there is none (or it is not a number: Vert.x refuses that). */
    static long contentLength(String header) {
        if (header == null) return -1;
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
