package dev.tunelab.api.access;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tunelab.api.ApiProblem;
import dev.tunelab.store.access.TokenEntity;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** A user's own tokens: one per script or laptop, each revocable on its own. */
@Path("/api/v1/me/tokens")
@Produces(MediaType.APPLICATION_JSON)
public class MyTokensResource {
    @Inject
    Access access;

    @Inject
    Audit audit;

    @GET
    @Transactional
    public List<Tokens.View> list() {
        Caller c = signedIn();
        return TokenEntity.<TokenEntity>list("userName = ?1 order by createdAt desc", c.user()).stream()
                .map(t -> Tokens.View.of(t, null))
                .toList();
    }

    /** A new token reaches what the one asking for it reaches, never more. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    public Response issue(byte[] body, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType)
            throws JsonProcessingException {
        Caller c = signedIn();
        JsonNode b = Bodies.object(body, contentType);
        String name = Bodies.text(b, "name", true, null);
        Integer days = Bodies.expiryDays(b);
        Tokens.View v = Tokens.issue(TokenEntity.USER, c.user(), c.boundTo(), name, days, c.user());
        audit.record(c.boundTo(), "token.create", "token " + v.id(), c.user() + ": " + name);
        return Response.status(201).entity(v).build();
    }

    @DELETE
    @Path("{id}")
    @Transactional
    public Response revoke(@PathParam("id") String id) {
        Caller c = signedIn();
        TokenEntity t = ProjectTokensResource.findToken(id);
        if (t == null || !c.user().equals(t.userName)) throw ApiProblem.notFound("you have no token " + id);
        Tokens.revoke(t);
        audit.record(t.projectId, "token.revoke", "token " + id, c.user() + ": " + t.name);
        return Response.noContent().build();
    }

    /** Without authentication there is nobody whose tokens these would be. */
    private Caller signedIn() {
        Caller c = access.user();
        if (c.credential() == null) throw ApiProblem.conflict("authentication is off (TUNELAB_AUTH=none): no tokens");
        return c;
    }
}
