package dev.tunelab.app;

import dev.tunelab.api.access.TokenCodec;
import java.util.List;

/**
 * Where one process runs both the api and a worker, the worker needs a credential nobody has to
 * configure: a fresh one each start, kept in this process's memory; the api stores only its hash.
 */
final class EmbeddedWorkerCredential {
    private EmbeddedWorkerCredential() {}

    static void provide() {
        if (configured("tunelab.worker.token", "TUNELAB_WORKER_TOKEN")) return;
        String roles = System.getProperty("tunelab.roles", System.getenv("TUNELAB_ROLES"));
        List<String> list = roles == null ? List.of("api", "worker") : List.of(roles.split("\\s*,\\s*"));
        if (!list.contains("api") || !list.contains("worker")) return;
        System.setProperty("tunelab.worker.token", TokenCodec.newToken());
    }

    private static boolean configured(String property, String env) {
        String p = System.getProperty(property);
        String e = System.getenv(env);
        return (p != null && !p.isBlank()) || (e != null && !e.isBlank());
    }
}
