package dev.tunelab.api.access;

import dev.tunelab.store.access.AuditEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;

/**
 * Records who did what. Joins the caller's transaction, so an action that rolls back leaves no
 * entry, and one that commits always has one.
 */
@ApplicationScoped
public class Audit {
    @Inject
    Access access;

    @Transactional
    public void record(String project, String action, String target, String detail) {
        AuditEntity e = new AuditEntity();
        e.at = Instant.now();
        e.projectId = project;
        e.actor = access.caller().user();
        e.action = action;
        e.target = target;
        e.detail = detail;
        e.persist();
    }
}
