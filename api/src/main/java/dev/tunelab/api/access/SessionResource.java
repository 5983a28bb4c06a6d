package dev.tunelab.api.access;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.tunelab.api.ApiProblem;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The browser's sign-in: a token becomes an HttpOnly cookie, which scripts cannot read, and which
 * other sites' forms do not send (SameSite=Lax), so the page needs no token of its own.
 */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public class SessionResource {
    @Inject
    Authenticator authenticator;

    @Inject
    Access access;

    @POST
    @Path("session")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response signIn(byte[] body, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType)
            throws JsonProcessingException {
        if (authenticator.disabled()) return Response.noContent().build();
        String token = Bodies.text(Bodies.object(body, contentType), "token", true, null);
        Caller c = authenticator.resolve(token);
        if (c == null || c.worker())
            throw new ApiProblem(401, "Unauthorized", "the token is unknown, expired or revoked", List.of());
        return Response.noContent().cookie(cookie(token, true)).build();
    }

    @DELETE
    @Path("session")
    public Response signOut() {
        return Response.noContent().cookie(cookie("", false)).build();
    }

    /** Who is signed in and their projects: what the page needs to draw its header. */
    @GET
    @Path("me")
    @Transactional
    public Map<String, Object> me() {
        Caller c = access.user();
        Map<String, Object> me = new LinkedHashMap<>();
        me.put("user", c.user());
        me.put("siteAdmin", c.siteAdmin());
        me.put("authMode", authenticator.disabled() ? "none" : "token");
        me.put("boundTo", c.boundTo());
        me.put("projects", ProjectsResource.projectsOf(c));
        return me;
    }

    static NewCookie cookie(String value, boolean set) {
        return new NewCookie.Builder(AuthFilter.COOKIE)
                .value(value)
                .path("/")
                .httpOnly(true)
                .sameSite(NewCookie.SameSite.LAX)
                .maxAge(set ? NewCookie.DEFAULT_MAX_AGE : 0)
                .build();
    }
}
