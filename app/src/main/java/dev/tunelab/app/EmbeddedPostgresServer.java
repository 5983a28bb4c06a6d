package dev.tunelab.app;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A real PostgreSQL 15 started by TuneLab itself, its cluster kept under the data directory so that
 * studies survive a restart. Only used when no external database is configured.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {
    private final EmbeddedPostgres pg;

    private EmbeddedPostgresServer(EmbeddedPostgres pg) {
        this.pg = pg;
    }

    public static EmbeddedPostgresServer start(Path dataDir) throws IOException {
        Path cluster = dataDir.resolve("postgres");
        Files.createDirectories(cluster.getParent());
        EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setDataDirectory(cluster)
                .setCleanDataDirectory(false)
                .setPort(FreePort.find())
                .setServerConfig("max_connections", "100")
                .start();
        return new EmbeddedPostgresServer(pg);
    }

    public String jdbcUrl() {
        return pg.getJdbcUrl("postgres", "postgres");
    }

    @Override
    public void close() throws IOException {
        pg.close();
    }
}
