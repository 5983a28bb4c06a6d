package dev.tunelab.api.access;

import dev.tunelab.api.ProblemMappers;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Every {@code /api/} request names its caller with {@code Authorization: Bearer} or the browser's
 * session cookie; only signing in itself needs neither.
 */
public class AuthFilter {
    public static final String COOKIE = "tunelab_session";
    static final String SESSION_PATH = "/api/v1/session";

    @Inject
    Authenticator authenticator;

    @Inject
    CurrentCaller current;

    private final RateLimiter limiter;

    AuthFilter(@ConfigProperty(name = "tunelab.limits.requests-per-second", defaultValue = "100") double perSecond) {
        this.limiter = new RateLimiter(perSecond);
    }

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION)
    public Response authenticate(ContainerRequestContext ctx) {
        String path = ctx.getUriInfo().getPath();
        if (!path.startsWith("/api/")) return null;
        if (authenticator.disabled()) {
            current.set(Caller.anyone());
            return null;
        }
        boolean open = path.equals(SESSION_PATH);
        String token = token(ctx);
        if (token == null) return open ? null : unauthorized("sign in: send 'Authorization: Bearer <token>'");
        Caller caller = authenticator.resolve(token);
        if (caller == null) return open ? null : unauthorized("the token is unknown, expired or revoked");
        current.set(caller);
        if (!caller.worker() && !limiter.allow(caller.credential(), System.nanoTime())) {
            String detail = "more than " + (long) limiter.perSecond()
                    + " requests a second with this token (limit tunelab.limits.requests-per-second)";
            return with(ProblemMappers.problem(429, "Too many requests", detail, List.of()), "Retry-After", "1");
        }
        return null;
    }

    private static String token(ContainerRequestContext ctx) {
        String h = ctx.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (h != null && h.regionMatches(true, 0, "Bearer ", 0, 7))
            return h.substring(7).strip();
        Cookie c = ctx.getCookies().get(COOKIE);
        return c == null ? null : c.getValue();
    }

    private static Response unauthorized(String detail) {
        return with(ProblemMappers.problem(401, "Unauthorized", detail, List.of()), "WWW-Authenticate", "Bearer");
    }

    private static Response with(Response r, String header, String value) {
        return Response.fromResponse(r).header(header, value).build();
    }
}
