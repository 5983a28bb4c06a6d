package dev.tunelab.api.access;

import dev.tunelab.api.ApiProblem;
import dev.tunelab.store.Projects;
import dev.tunelab.store.access.ProjectEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * The checks every resource makes. An object of a project the caller is not a member of is answered
 * exactly as a missing one, so ids of other projects cannot be probed; a member whose role is too
 * low is told so (403).
 */
@ApplicationScoped
public class Access {
    @Inject
    CurrentCaller current;

    public Caller caller() {
        Caller c = current.get();
        if (c == null) throw new ApiProblem(401, "Unauthorized", "sign in first", List.of());
        return c;
    }

    /** Passes when the caller holds {@code min} or more in {@code project}; else 404 or 403. */
    public Role require(String project, Role min, Supplier<ApiProblem> notFound) {
        Role role = caller().role(project);
        if (role == null) throw notFound.get();
        if (!role.atLeast(min)) throw forbidden(project, role, min);
        return role;
    }

    /** The projects the caller reads, or only {@code filter} when given (404 unless readable). */
    public Set<String> readable(String filter) {
        Caller c = caller();
        Set<String> all = c.everyProject()
                ? new TreeSet<>(ProjectEntity.<ProjectEntity>listAll().stream()
                        .map(p -> p.id)
                        .toList())
                : new TreeSet<>(c.projects());
        if (filter == null || filter.isBlank()) return all;
        if (!all.contains(filter.strip())) throw noProject(filter.strip());
        return Set.of(filter.strip());
    }

    /**
     * Where a new dataset or study goes: the named project, else the caller's only one, else the
     * default project when the caller is in it. The caller must be an editor there.
     */
    public String target(String requested) {
        Caller c = caller();
        String project;
        if (requested != null && !requested.isBlank()) project = requested.strip();
        else if (!c.everyProject() && c.projects().size() == 1)
            project = c.projects().iterator().next();
        else if (c.role(Projects.DEFAULT) != null) project = Projects.DEFAULT;
        else throw ApiProblem.invalid("$.project", "name the project (?project=ID): you are in " + c.projects());
        if (c.everyProject() && ProjectEntity.findById(project) == null) throw noProject(project);
        require(project, Role.EDITOR, () -> noProject(project));
        return project;
    }

    public void requireSiteAdmin() {
        Caller c = caller();
        if (c.worker()) throw ApiProblem.notFound("not found");
        if (!c.siteAdmin()) throw new ApiProblem(403, "Forbidden", "only a site admin may do this", List.of());
    }

    /** A person signed in (not a worker credential). */
    public Caller user() {
        Caller c = caller();
        if (c.worker()) throw ApiProblem.notFound("not found");
        return c;
    }

    public static ApiProblem noProject(String id) {
        return ApiProblem.notFound("no project with id '" + id + "'");
    }

    static ApiProblem forbidden(String project, Role has, Role needs) {
        return new ApiProblem(
                403,
                "Forbidden",
                "your role in project '" + project + "' is " + has.json() + "; this needs " + needs.json(),
                List.of());
    }
}
