package dev.tunelab.app.support;

import dev.tunelab.app.EmbeddedKafkaServer;
import dev.tunelab.app.FreePort;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * PostgreSQL and Kafka outside the application under test: a fresh database on the machine's
 * PostgreSQL server, and a KRaft broker in a separate JVM.
 */
public final class ExternalServers implements AutoCloseable {
    public static final String MACHINE_PG = System.getenv().getOrDefault("TUNELAB_TEST_PG", "127.0.0.1:5432");

    private final String pgHost;
    private final LocalPostgresCluster cluster;
    private final String database;
    private final Process kafka;
    private final String bootstrap;

    private ExternalServers(
            String pgHost, LocalPostgresCluster cluster, String database, Process kafka, String bootstrap) {
        this.pgHost = pgHost;
        this.cluster = cluster;
        this.database = database;
        this.kafka = kafka;
        this.bootstrap = bootstrap;
    }

    public static ExternalServers start(Path dir) throws IOException {
        String database =
                "tunelab_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String pgHost = MACHINE_PG;
        LocalPostgresCluster cluster = null;
        if (!createDatabase(pgHost, database)) {
            try {
                cluster = LocalPostgresCluster.start();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
            pgHost = cluster.hostPort();
            if (!createDatabase(pgHost, database)) throw new IOException("could not create a database on " + pgHost);
        }
        int port = FreePort.find();
        Process kafka = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx512m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        EmbeddedKafkaServer.class.getName(),
                        dir.resolve("external-kafka").toString(),
                        String.valueOf(port))
                .redirectErrorStream(true)
                .start();
        BufferedReader out = new BufferedReader(new InputStreamReader(kafka.getInputStream(), StandardCharsets.UTF_8));
        String line;
        StringBuilder seen = new StringBuilder();
        while ((line = out.readLine()) != null && !line.startsWith("READY"))
            seen.append(line).append('\n');
        if (line == null) throw new IOException("the Kafka broker process ended before it was ready:\n" + seen);
        Thread drain = new Thread(() -> out.lines().forEach(l -> {}), "external-kafka-output");
        drain.setDaemon(true);
        drain.start();
        return new ExternalServers(
                pgHost,
                cluster,
                database,
                kafka,
                line.substring("READY ".length()).trim());
    }

    private static boolean createDatabase(String hostPort, String database) {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + hostPort + "/postgres", "postgres", "");
                Statement st = c.createStatement()) {
            st.execute("create database " + database);
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://" + pgHost + "/" + database;
    }

    public String bootstrap() {
        return bootstrap;
    }

    @Override
    public void close() {
        try {
            kafka.getOutputStream().close();
            if (!kafka.waitFor(20, TimeUnit.SECONDS)) kafka.destroyForcibly();
        } catch (IOException | InterruptedException e) {
            kafka.destroyForcibly();
        }
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + pgHost + "/postgres", "postgres", "");
                Statement st = c.createStatement()) {
            st.execute("drop database if exists " + database + " with (force)");
        } catch (SQLException ignored) {
            // a leftover test database is harmless
        }
        if (cluster != null) cluster.close();
    }
}
