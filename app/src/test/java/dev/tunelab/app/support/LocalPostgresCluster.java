package dev.tunelab.app.support;

import dev.tunelab.app.FreePort;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A PostgreSQL cluster from the machine's own (Debian) binaries, for machines that run no server on
 * 127.0.0.1:5432. PostgreSQL refuses to run as root, so as root it runs as user postgres.
 */
public final class LocalPostgresCluster implements AutoCloseable {
    private final Path bin;
    private final Path dir;
    private final int port;

    private LocalPostgresCluster(Path bin, Path dir, int port) {
        this.bin = bin;
        this.dir = dir;
        this.port = port;
    }

    public static LocalPostgresCluster start() throws IOException, InterruptedException {
        Path bin;
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            bin = versions.map(v -> v.resolve("bin"))
                    .filter(b -> Files.isExecutable(b.resolve("pg_ctl")))
                    .max(Comparator.naturalOrder())
                    .orElseThrow(() -> new IOException("no PostgreSQL binaries under /usr/lib/postgresql"));
        }
        // Directly under the temp root: user postgres cannot enter a directory private to root.
        Path dir = Files.createTempDirectory("tunelab-pg-");
        int port = FreePort.find();
        boolean root = "root".equals(System.getProperty("user.name"));
        if (root) run(List.of("chown", "-R", "postgres:postgres", dir.toString()), false);
        run(List.of(bin.resolve("initdb").toString(), "-D", dir.toString(), "-A", "trust", "-U", "postgres"), root);
        run(
                List.of(
                        bin.resolve("pg_ctl").toString(),
                        "-D",
                        dir.toString(),
                        "-l",
                        dir.resolve("log").toString(),
                        "-w",
                        "-o",
                        "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1",
                        "start"),
                root);
        return new LocalPostgresCluster(bin, dir, port);
    }

    public String hostPort() {
        return "127.0.0.1:" + port;
    }

    /** A fast shutdown (open connections are cut), a pause, and a start on the same port and data. */
    public void restart(Duration down) throws IOException, InterruptedException {
        boolean root = "root".equals(System.getProperty("user.name"));
        run(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.toString(), "-m", "fast", "-w", "stop"), root);
        Thread.sleep(down.toMillis());
        run(
                List.of(
                        bin.resolve("pg_ctl").toString(),
                        "-D",
                        dir.toString(),
                        "-l",
                        dir.resolve("log").toString(),
                        "-w",
                        "-o",
                        "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1",
                        "start"),
                root);
    }

    @Override
    public void close() {
        try {
            run(
                    List.of(bin.resolve("pg_ctl").toString(), "-D", dir.toString(), "-m", "fast", "stop"),
                    "root".equals(System.getProperty("user.name")));
        } catch (IOException | InterruptedException ignored) {
            // the temporary cluster dies with the machine's clean-up either way
        }
    }

    private static void run(List<String> command, boolean asPostgres) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        if (asPostgres) full.addAll(List.of("runuser", "-u", "postgres", "--"));
        full.addAll(command);
        Process p = new ProcessBuilder(full).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) throw new IOException(String.join(" ", full) + " failed:\n" + out);
    }
}
