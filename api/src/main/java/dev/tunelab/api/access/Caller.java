package dev.tunelab.api.access;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Who sent the request, as its credential says.
 *
 * @param user the user's name; for a worker credential, the credential's name
 * @param credential the token's id; null without authentication ({@code TUNELAB_AUTH=none})
 * @param roles the user's role per project, already narrowed to the token's project
 * @param everyProject without authentication: admin of every project
 * @param boundTo the only project the token reaches, or null
 */
public record Caller(
        String user,
        boolean worker,
        UUID credential,
        boolean siteAdmin,
        Map<String, Role> roles,
        boolean everyProject,
        String boundTo) {

    public static Caller anyone() {
        return new Caller("anonymous", false, null, true, Map.of(), true, null);
    }

    /** The caller's role in {@code project}, or null when it is not a member. */
    public Role role(String project) {
        if (worker) return null;
        return everyProject ? Role.ADMIN : roles.get(project);
    }

    public Set<String> projects() {
        return roles.keySet();
    }
}
