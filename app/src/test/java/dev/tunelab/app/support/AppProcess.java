package dev.tunelab.app.support;

import dev.tunelab.app.FreePort;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged application started the way the README starts it: {@code java -jar quarkus-run.jar}.
 */
public final class AppProcess implements AutoCloseable {
    public static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");

    public final int port;
    private final Process process;

    private AppProcess(int port, Process process) {
        this.port = port;
        this.process = process;
    }

    public static AppProcess start(Path dataDir, Path log) throws IOException, InterruptedException {
        return start(dataDir, log, Map.of());
    }

    /**
     * @param extraEnv settings on top of a plain start, e.g. roles or external servers; a {@code
     *     QUARKUS_HTTP_PORT} there keeps a restarted process at the address its workers know
     */
    public static AppProcess start(Path dataDir, Path log, Map<String, String> extraEnv)
            throws IOException, InterruptedException {
        int port = extraEnv.containsKey("QUARKUS_HTTP_PORT")
                ? Integer.parseInt(extraEnv.get("QUARKUS_HTTP_PORT"))
                : FreePort.find();
        ProcessBuilder pb = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> env = pb.environment();
        env.put("TUNELAB_DATA_DIR", dataDir.toString());
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        env.put("OMP_NUM_THREADS", "1");
        env.remove("TUNELAB_DB_URL");
        env.remove("TUNELAB_KAFKA_BOOTSTRAP");
        env.put("TUNELAB_AUTH_ADMIN_TOKEN", TestTokens.ADMIN);
        env.put("TUNELAB_WORKER_TOKEN", TestTokens.WORKER);
        env.putAll(extraEnv);
        TestTokens.signInRestAssured();
        AppProcess app = new AppProcess(port, pb.start());
        app.awaitReady(Duration.ofMinutes(2));
        return app;
    }

    public long pid() {
        return process.pid();
    }

    /** SIGKILL: no shutdown hooks, no goodbye to Kafka or the database, as a crash or an OOM kill. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    private void awaitReady(Duration timeout) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            if (!process.isAlive())
                throw new IOException("TuneLab exited with " + process.exitValue() + " before it was ready");
            try {
                var res = http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (res.statusCode() == 200) return;
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new IOException("TuneLab was not ready within " + timeout);
    }

    /** Stops it as Ctrl-C would, so the embedded servers shut down cleanly. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) process.destroyForcibly().waitFor();
    }
}
