package dev.tunelab.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** A process without the api role answers no API calls (health and metrics stay available). */
public class ApiRoleFilter {
    @ConfigProperty(name = "tunelab.roles", defaultValue = "api,scheduler,worker")
    List<String> roles;

    @ServerRequestFilter(preMatching = true)
    public Response onlyWithApiRole(ContainerRequestContext ctx) {
        if (roles.contains("api") || !ctx.getUriInfo().getPath().startsWith("/api/")) return null;
        return ProblemMappers.problem(404, "Not found", "this TuneLab process does not run the api role", List.of());
    }
}
