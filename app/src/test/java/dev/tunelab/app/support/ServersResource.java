package dev.tunelab.app.support;

import dev.tunelab.app.FreePort;
import dev.tunelab.app.Servers;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Real servers for the tests. By default TuneLab's own embedded PostgreSQL and KRaft broker, as a
 * user gets them; with {@code TUNELAB_TEST_EXTERNAL=true} the machine's PostgreSQL and a broker in
 * a process of its own, handed to the application the way an operator would configure them.
 */
public class ServersResource implements QuarkusTestResourceLifecycleManager {
    private Servers servers;
    private ExternalServers external;
    private Path dataDir;

    public static boolean externalMode() {
        return "true".equalsIgnoreCase(System.getenv("TUNELAB_TEST_EXTERNAL"));
    }

    @Override
    public Map<String, String> start() {
        TestTokens.signInRestAssured();
        try {
            dataDir = Files.createTempDirectory("tunelab-test-");
            Map<String, String> settings = new HashMap<>();
            if (externalMode()) {
                external = ExternalServers.start(dataDir);
                settings.put("TUNELAB_DB_URL", external.jdbcUrl());
                settings.put("TUNELAB_DB_USER", "postgres");
                settings.put("TUNELAB_KAFKA_BOOTSTRAP", external.bootstrap());
            }
            servers = Servers.start(settings::get, dataDir);
            Map<String, String> config = new HashMap<>(servers.config());
            int port = FreePort.find();
            config.put("quarkus.http.test-port", String.valueOf(port));
            config.put("tunelab.api.url", "http://127.0.0.1:" + port);
            return config;
        } catch (IOException e) {
            throw new IllegalStateException("could not start the test servers", e);
        }
    }

    @Override
    public void stop() {
        if (servers != null) servers.close();
        if (external != null) external.close();
    }
}
