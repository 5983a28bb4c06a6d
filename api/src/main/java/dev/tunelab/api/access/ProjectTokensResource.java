package dev.tunelab.api.access;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tunelab.api.ApiProblem;
import dev.tunelab.store.access.AuditEntity;
import dev.tunelab.store.access.MemberEntity;
import dev.tunelab.store.access.TokenEntity;
import io.quarkus.panache.common.Page;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What a project's admins manage besides members: tokens that reach this project only, and the
 * audit log.
 */
@Path("/api/v1/projects/{project}")
@Produces(MediaType.APPLICATION_JSON)
public class ProjectTokensResource {
    static final int MAX_AUDIT = 1000;

    @Inject
    Access access;

    @Inject
    Audit audit;

    public record AuditView(Instant at, String user, String action, String target, String detail) {}

    @GET
    @Path("tokens")
    @Transactional
    public List<Tokens.View> tokens(@PathParam("project") String project) {
        requireAdmin(project);
        return TokenEntity.<TokenEntity>list("projectId = ?1 order by createdAt desc", project).stream()
                .map(t -> Tokens.View.of(t, null))
                .toList();
    }

    /** A token for a member that reaches this project only; its secret is in this answer alone. */
    @POST
    @Path("tokens")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    public Response issue(
            @PathParam("project") String project,
            byte[] body,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType)
            throws JsonProcessingException {
        requireAdmin(project);
        JsonNode b = Bodies.object(body, contentType);
        String user = Bodies.text(b, "user", true, Bodies.NAME);
        String name = Bodies.text(b, "name", true, null);
        Integer days = Bodies.expiryDays(b);
        if (MemberEntity.find(project, user) == null)
            throw ApiProblem.invalid("$.user", "'" + user + "' is not a member of project '" + project + "'");
        Tokens.View v = Tokens.issue(
                TokenEntity.USER, user, project, name, days, access.caller().user());
        audit.record(project, "token.create", "token " + v.id(), user + ": " + name);
        return Response.status(201).entity(v).build();
    }

    @DELETE
    @Path("tokens/{id}")
    @Transactional
    public Response revoke(@PathParam("project") String project, @PathParam("id") String id) {
        requireAdmin(project);
        TokenEntity t = findToken(id);
        if (t == null || !project.equals(t.projectId)) throw ApiProblem.notFound("no token " + id + " in " + project);
        Tokens.revoke(t);
        audit.record(project, "token.revoke", "token " + id, t.userName + ": " + t.name);
        return Response.noContent().build();
    }

    @GET
    @Path("audit")
    @Transactional
    public List<AuditView> audit(
            @PathParam("project") String project, @QueryParam("limit") @DefaultValue("100") int limit) {
        requireAdmin(project);
        if (limit < 1 || limit > MAX_AUDIT) throw ApiProblem.invalid("$.limit", "must be from 1 to " + MAX_AUDIT);
        return AuditEntity.<AuditEntity>find("projectId = ?1 order by id desc", project)
                .page(Page.ofSize(limit))
                .list()
                .stream()
                .map(e -> new AuditView(e.at, e.actor, e.action, e.target, e.detail))
                .toList();
    }

    private void requireAdmin(String project) {
        access.require(project, Role.ADMIN, () -> Access.noProject(project));
    }

    static TokenEntity findToken(String id) {
        try {
            return TokenEntity.findById(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
