package dev.tunelab.api.access;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tunelab.api.ApiProblem;
import dev.tunelab.store.access.MemberEntity;
import dev.tunelab.store.access.ProjectEntity;
import dev.tunelab.store.access.TokenEntity;
import dev.tunelab.store.access.UserEntity;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.List;

/** Projects and their members. Anyone signed in may start a project, and becomes its admin. */
@Path("/api/v1/projects")
@Produces(MediaType.APPLICATION_JSON)
public class ProjectsResource {
    @Inject
    Access access;

    @Inject
    Audit audit;

    public record ProjectView(String id, String name, String role) {}

    public record MemberView(String user, String role) {}

    @GET
    @Transactional
    public List<ProjectView> list() {
        return projectsOf(access.user());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    public Response create(byte[] body, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType)
            throws JsonProcessingException {
        Caller c = access.user();
        if (c.boundTo() != null)
            throw new ApiProblem(403, "Forbidden", "a token bound to one project cannot start another", List.of());
        JsonNode b = Bodies.object(body, contentType);
        String id = Bodies.text(b, "id", true, Bodies.NAME);
        String name = Bodies.text(b, "name", false, null);
        if (ProjectEntity.findById(id) != null) throw ApiProblem.conflict("a project with id '" + id + "' exists");
        ProjectEntity p = new ProjectEntity();
        p.id = id;
        p.name = name == null || name.isEmpty() ? id : name;
        p.createdAt = Instant.now();
        p.persist();
        if (!c.everyProject()) member(id, c.user(), Role.ADMIN);
        audit.record(id, "project.create", "project " + id, p.name);
        return Response.created(URI.create("/api/v1/projects/" + id))
                .entity(new ProjectView(id, p.name, Role.ADMIN.json()))
                .build();
    }

    @GET
    @Path("{project}")
    @Transactional
    public ProjectView get(@PathParam("project") String project) {
        Role role = access.require(project, Role.VIEWER, () -> Access.noProject(project));
        ProjectEntity p = ProjectEntity.findById(project);
        if (p == null) throw Access.noProject(project);
        return new ProjectView(p.id, p.name, role.json());
    }

    @GET
    @Path("{project}/members")
    @Transactional
    public List<MemberView> members(@PathParam("project") String project) {
        access.require(project, Role.VIEWER, () -> Access.noProject(project));
        return MemberEntity.ofProject(project).stream()
                .map(m -> new MemberView(m.userName, m.role))
                .toList();
    }

    /** Adds a member or changes their role; a user seen for the first time is created. */
    @PUT
    @Path("{project}/members/{user}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    public MemberView setMember(
            @PathParam("project") String project,
            @PathParam("user") String user,
            byte[] body,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType)
            throws JsonProcessingException {
        requireAdmin(project);
        Bodies.name("$.user", user);
        String roleName = Bodies.text(Bodies.object(body, contentType), "role", true, null);
        Role role = Role.parse(roleName);
        if (role == null) throw ApiProblem.invalid("$.role", "must be viewer, editor or admin; got '" + roleName + "'");
        MemberEntity m = MemberEntity.find(project, user);
        if (m != null && Role.parse(m.role) == Role.ADMIN && role != Role.ADMIN) requireAnotherAdmin(project, user);
        member(project, user, role);
        audit.record(project, "member.set", "user " + user, role.json());
        return new MemberView(user, role.json());
    }

    /** Removes a member; the tokens an admin issued them for this project stop working at once. */
    @DELETE
    @Path("{project}/members/{user}")
    @Transactional
    public Response removeMember(@PathParam("project") String project, @PathParam("user") String user) {
        requireAdmin(project);
        MemberEntity m = MemberEntity.find(project, user);
        if (m == null) throw ApiProblem.notFound("'" + user + "' is not a member of project '" + project + "'");
        if (Role.parse(m.role) == Role.ADMIN) requireAnotherAdmin(project, user);
        m.delete();
        TokenEntity.<TokenEntity>list("userName = ?1 and projectId = ?2", user, project)
                .forEach(Tokens::revoke);
        audit.record(project, "member.remove", "user " + user, null);
        return Response.noContent().build();
    }

    void requireAdmin(String project) {
        access.require(project, Role.ADMIN, () -> Access.noProject(project));
    }

    private static void requireAnotherAdmin(String project, String user) {
        long admins = MemberEntity.count("projectId = ?1 and role = 'admin' and userName <> ?2", project, user);
        if (admins == 0) throw ApiProblem.conflict("'" + user + "' is the last admin of project '" + project + "'");
    }

    static void member(String project, String user, Role role) {
        if (UserEntity.findById(user) == null) {
            UserEntity u = new UserEntity();
            u.name = user;
            u.createdAt = Instant.now();
            u.persist();
        }
        MemberEntity m = MemberEntity.find(project, user);
        if (m == null) {
            m = new MemberEntity();
            m.projectId = project;
            m.userName = user;
        }
        m.role = role.json();
        m.persist();
    }

    static List<ProjectView> projectsOf(Caller c) {
        return ProjectEntity.<ProjectEntity>list("order by id").stream()
                .filter(p -> c.role(p.id) != null)
                .map(p -> new ProjectView(p.id, p.name, c.role(p.id).json()))
                .toList();
    }
}
