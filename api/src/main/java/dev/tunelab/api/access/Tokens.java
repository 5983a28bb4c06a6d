package dev.tunelab.api.access;

import dev.tunelab.store.access.TokenEntity;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** Makes tokens; the secret leaves once, in the answer to whoever asked for it. */
final class Tokens {
    private Tokens() {}

    /** A token as listed: never its secret. */
    record View(
            String id,
            String kind,
            String user,
            String project,
            String name,
            String createdBy,
            Instant createdAt,
            Instant expiresAt,
            Instant revokedAt,
            Instant lastUsedAt,
            String token) {

        static View of(TokenEntity t, String secret) {
            return new View(
                    t.id.toString(),
                    t.kind,
                    t.userName,
                    t.projectId,
                    t.name,
                    t.createdBy,
                    t.createdAt,
                    t.expiresAt,
                    t.revokedAt,
                    t.lastUsedAt,
                    secret);
        }
    }

    /** Stores a new token's hash and answers it with its secret, shown this once. */
    static View issue(String kind, String user, String project, String name, Integer days, String by) {
        String secret = TokenCodec.newToken();
        return View.of(store(kind, user, project, name, TokenCodec.hash(secret), days, by), secret);
    }

    /** Stores a token by its hash: a new one's, or one given by configuration. */
    static TokenEntity store(
            String kind, String user, String project, String name, byte[] hash, Integer days, String by) {
        TokenEntity t = new TokenEntity();
        t.id = UUID.randomUUID();
        t.kind = kind;
        t.userName = user;
        t.projectId = project;
        t.name = name;
        t.hash = hash;
        t.createdBy = by;
        t.createdAt = Instant.now();
        t.expiresAt = days == null ? null : t.createdAt.plus(days, ChronoUnit.DAYS);
        t.persist();
        return t;
    }

    static void revoke(TokenEntity t) {
        if (t.revokedAt == null) t.revokedAt = Instant.now();
    }
}
