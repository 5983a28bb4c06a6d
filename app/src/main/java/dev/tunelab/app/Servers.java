package dev.tunelab.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Decides where PostgreSQL and Kafka are: external when configured ({@code TUNELAB_DB_URL}, {@code
 * TUNELAB_KAFKA_BOOTSTRAP} or the Quarkus equivalents), otherwise started here, embedded, under the
 * data directory. The result is the configuration the application then runs with.
 */
public final class Servers implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Servers.class);

    private final Map<String, String> config = new LinkedHashMap<>();
    private EmbeddedPostgresServer postgres;
    private EmbeddedKafkaServer kafka;

    /**
     * @param settings reads a setting by its environment-variable name, then its property name
     */
    public static Servers start(Function<String, String> settings, Path dataDir) throws IOException {
        Servers s = new Servers();
        try {
            String dbUrl = first(settings, "TUNELAB_DB_URL", "QUARKUS_DATASOURCE_JDBC_URL");
            String roles = first(settings, "TUNELAB_ROLES");
            boolean needsDatabase = roles == null || roles.contains("api") || roles.contains("scheduler");
            if (!needsDatabase) {
                // Workers get datasets and hand in models over HTTP: no database, no credentials.
                s.config.put("quarkus.datasource.active", "false");
                s.config.put("quarkus.hibernate-orm.active", "false");
                s.config.put("quarkus.flyway.active", "false");
                LOG.info("roles without api or scheduler: no database");
            } else if (dbUrl != null) {
                s.config.put("quarkus.datasource.jdbc.url", dbUrl);
                String user = first(settings, "TUNELAB_DB_USER", "QUARKUS_DATASOURCE_USERNAME");
                String password = first(settings, "TUNELAB_DB_PASSWORD", "QUARKUS_DATASOURCE_PASSWORD");
                if (user != null) s.config.put("quarkus.datasource.username", user);
                if (password != null) s.config.put("quarkus.datasource.password", password);
                LOG.infof("using external PostgreSQL at %s", dbUrl);
            } else {
                long t0 = System.nanoTime();
                s.postgres = EmbeddedPostgresServer.start(dataDir);
                s.config.put("quarkus.datasource.jdbc.url", s.postgres.jdbcUrl());
                s.config.put("quarkus.datasource.username", "postgres");
                s.config.put("quarkus.datasource.password", "");
                LOG.infof(
                        "embedded PostgreSQL ready at %s in %d ms (data in %s)",
                        s.postgres.jdbcUrl(), (System.nanoTime() - t0) / 1_000_000, dataDir.resolve("postgres"));
            }
            String bootstrap = first(settings, "TUNELAB_KAFKA_BOOTSTRAP", "KAFKA_BOOTSTRAP_SERVERS");
            if (bootstrap != null) {
                s.config.put("tunelab.kafka.bootstrap", bootstrap);
                LOG.infof("using external Kafka at %s", bootstrap);
            } else {
                long t0 = System.nanoTime();
                s.kafka = EmbeddedKafkaServer.start(dataDir);
                s.config.put("tunelab.kafka.bootstrap", s.kafka.bootstrap());
                LOG.infof(
                        "embedded Kafka (KRaft) ready at %s in %d ms",
                        s.kafka.bootstrap(), (System.nanoTime() - t0) / 1_000_000);
            }
            return s;
        } catch (IOException | RuntimeException e) {
            s.close();
            throw e;
        }
    }

    /** Settings from the environment, then from system properties under their dotted names. */
    public static String fromEnvironment(String envName) {
        String v = System.getenv(envName);
        if (v == null || v.isBlank())
            v = System.getProperty(envName.toLowerCase(java.util.Locale.ROOT).replace('_', '.'));
        return v == null || v.isBlank() ? null : v;
    }

    public Map<String, String> config() {
        return config;
    }

    private static String first(Function<String, String> settings, String... names) {
        for (String n : names) {
            String v = settings.apply(n);
            if (v != null && !v.isBlank()) return v;
        }
        return null;
    }

    @Override
    public void close() {
        if (kafka != null) {
            try {
                kafka.close();
            } catch (RuntimeException e) {
                LOG.warn("embedded Kafka did not stop cleanly", e);
            }
            kafka = null;
        }
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException | RuntimeException e) {
                LOG.warn("embedded PostgreSQL did not stop cleanly", e);
            }
            postgres = null;
        }
    }
}
