package dev.tunelab.api.access;

import dev.tunelab.store.access.MemberEntity;
import dev.tunelab.store.access.TokenEntity;
import dev.tunelab.store.access.UserEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Turns a token into its {@link Caller}. Every request looks its token up, so a revoked or expired
 * token is refused at once, on every api replica.
 */
@ApplicationScoped
public class Authenticator {
    /** Last use is a write; once a minute is enough to tell a forgotten token from a live one. */
    static final Duration LAST_USED_GRAIN = Duration.ofMinutes(1);

    @ConfigProperty(name = "tunelab.auth", defaultValue = "token")
    String mode;

    public boolean disabled() {
        return "none".equalsIgnoreCase(mode.strip());
    }

    /** The caller the token signs in, or null when it is unknown, expired or revoked. */
    @Transactional
    public Caller resolve(String token) {
        if (!TokenCodec.plausible(token)) return null;
        TokenEntity t = TokenEntity.byHash(TokenCodec.hash(token));
        Instant now = Instant.now();
        if (t == null || !t.live(now)) return null;
        if (t.lastUsedAt == null || t.lastUsedAt.isBefore(now.minus(LAST_USED_GRAIN))) t.lastUsedAt = now;
        if (TokenEntity.WORKER.equals(t.kind)) return new Caller(t.name, true, t.id, false, Map.of(), false, null);
        UserEntity u = UserEntity.findById(t.userName);
        if (u == null) return null;
        Map<String, Role> roles = new HashMap<>();
        for (MemberEntity m : MemberEntity.ofUser(u.name)) {
            if (t.projectId == null || t.projectId.equals(m.projectId)) roles.put(m.projectId, Role.parse(m.role));
        }
        // A project-bound token does not carry its user's site-wide rights.
        boolean siteAdmin = u.siteAdmin && t.projectId == null;
        return new Caller(u.name, false, t.id, siteAdmin, Map.copyOf(roles), false, t.projectId);
    }
}
