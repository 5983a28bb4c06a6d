package dev.tunelab.api.access;

import dev.tunelab.store.Projects;
import dev.tunelab.store.access.TokenEntity;
import dev.tunelab.store.access.UserEntity;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The first start creates the site's admin and prints a one-time sign-in link, the way Jupyter
 * does; only the token's hash is kept. Tokens given by configuration (an admin's for automation, the
 * workers' shared one) are registered by hash too.
 */
@ApplicationScoped
public class Bootstrap {
    private static final Logger LOG = Logger.getLogger(Bootstrap.class);
    static final String ADMIN = "admin";

    @ConfigProperty(name = "tunelab.roles", defaultValue = "api,scheduler,worker")
    List<String> roles;

    @ConfigProperty(name = "tunelab.auth", defaultValue = "token")
    String mode;

    @ConfigProperty(name = "tunelab.auth.admin-token")
    Optional<String> adminToken;

    @ConfigProperty(name = "tunelab.worker.token")
    Optional<String> workerToken;

    @ConfigProperty(name = "tunelab.public-url", defaultValue = "http://localhost:8080")
    String publicUrl;

    @Transactional
    void start(@Observes @Priority(10) StartupEvent ev) {
        if (!roles.contains("api")) return;
        // Replicas starting together on an empty database create one admin, not one each.
        Panache.getEntityManager()
                .createNativeQuery("select pg_advisory_xact_lock(hashtext('tunelab-bootstrap'))")
                .getSingleResult();
        boolean firstStart = UserEntity.count() == 0;
        if (firstStart) {
            UserEntity u = new UserEntity();
            u.name = ADMIN;
            u.siteAdmin = true;
            u.createdAt = Instant.now();
            u.persist();
            ProjectsResource.member(Projects.DEFAULT, ADMIN, Role.ADMIN);
        }
        adminToken.map(String::strip).filter(s -> !s.isEmpty()).ifPresent(t -> register(t, TokenEntity.USER, ADMIN));
        workerToken.map(String::strip).filter(s -> !s.isEmpty()).ifPresent(t -> register(t, TokenEntity.WORKER, null));
        if ("none".equalsIgnoreCase(mode.strip())) {
            LOG.warn("Authentication is OFF (TUNELAB_AUTH=none): anyone who reaches this port is an admin.");
        } else if (firstStart && adminToken.isEmpty()) {
            Tokens.View t = Tokens.issue(TokenEntity.USER, ADMIN, null, "first start", null, "tunelab");
            String link = publicUrl.replaceAll("/+$", "") + "/signin?token=" + t.token();
            LOG.infof(
                    "%n%n    TuneLab's admin token was created; it is shown this once. Sign in:%n%n        %s%n%n"
                            + "    (The token also works as 'Authorization: Bearer %s'.)%n",
                    link, t.token());
        } else {
            LOG.infof("Sign in at %s/#/signin with a token (issue more on the Tokens page).", publicUrl);
        }
    }

    /** A configured token, kept by hash; a changed configuration replaces the old one. */
    private static void register(String token, String kind, String user) {
        String name = "configured (" + kind + ")";
        byte[] hash = TokenCodec.hash(token);
        TokenEntity existing = TokenEntity.byHash(hash);
        if (existing != null) {
            existing.revokedAt = null;
            return;
        }
        for (TokenEntity old : TokenEntity.<TokenEntity>list("name = ?1 and kind = ?2", name, kind)) {
            if (!Arrays.equals(old.hash, hash)) Tokens.revoke(old);
        }
        Tokens.store(kind, user, null, name, hash, null, "configuration");
    }
}
