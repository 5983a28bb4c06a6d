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

/**
 * Credentials for worker processes (TUNELAB_WORKER_TOKEN): they reach only the trials they claim.
 * Workers serve every project, so the site admin hands them out.
 */
@Path("/api/v1/worker-credentials")
@Produces(MediaType.APPLICATION_JSON)
public class WorkerCredentialsResource {
    @Inject
    Access access;

    @Inject
    Audit audit;

    @GET
    @Transactional
    public List<Tokens.View> list() {
        access.requireSiteAdmin();
        return TokenEntity.<TokenEntity>list("kind = ?1 order by createdAt desc", TokenEntity.WORKER).stream()
                .map(t -> Tokens.View.of(t, null))
                .toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    public Response issue(byte[] body, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType)
            throws JsonProcessingException {
        access.requireSiteAdmin();
        JsonNode b = Bodies.object(body, contentType);
        String name = Bodies.text(b, "name", true, null);
        Integer days = Bodies.expiryDays(b);
        Tokens.View v = Tokens.issue(
                TokenEntity.WORKER, null, null, name, days, access.caller().user());
        audit.record(null, "worker-credential.create", "token " + v.id(), name);
        return Response.status(201).entity(v).build();
    }

    @DELETE
    @Path("{id}")
    @Transactional
    public Response revoke(@PathParam("id") String id) {
        access.requireSiteAdmin();
        TokenEntity t = ProjectTokensResource.findToken(id);
        if (t == null || !TokenEntity.WORKER.equals(t.kind)) throw ApiProblem.notFound("no worker credential " + id);
        Tokens.revoke(t);
        audit.record(null, "worker-credential.revoke", "token " + id, t.name);
        return Response.noContent().build();
    }
}
