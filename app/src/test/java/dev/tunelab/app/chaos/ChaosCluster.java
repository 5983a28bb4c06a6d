package dev.tunelab.app.chaos;

import dev.tunelab.app.FreePort;
import dev.tunelab.app.support.AppProcess;
import dev.tunelab.app.support.LocalPostgresCluster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * TuneLab deployed as an operator would, on servers the test can hurt: its own PostgreSQL cluster
 * and Kafka broker, one api+scheduler process at a fixed port (so a restart keeps its address) and
 * any number of worker-only processes.
 */
final class ChaosCluster implements AutoCloseable {
    private final Path dir;
    private final LocalPostgresCluster postgres;
    private final ChaosKafka kafka;
    private final int apiPort = FreePort.find();
    private final Map<String, String> mainEnv = new HashMap<>();
    private final List<AppProcess> workers = new ArrayList<>();
    private AppProcess main;

    private ChaosCluster(Path dir, LocalPostgresCluster postgres, ChaosKafka kafka) {
        this.dir = dir;
        this.postgres = postgres;
        this.kafka = kafka;
    }

    /**
     * @param roles of the main process: "api,scheduler" with separate workers, or all three
     * @param lease {@code tunelab.scheduler.lease} (short, so a killed worker's trial is re-queued
     *     within seconds), or null for the default
     */
    static ChaosCluster start(String roles, String lease) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("tunelab-chaos-");
        LocalPostgresCluster postgres = LocalPostgresCluster.start();
        ChaosCluster c;
        try {
            c = new ChaosCluster(dir, postgres, ChaosKafka.start(dir.resolve("kafka")));
        } catch (IOException | RuntimeException e) {
            postgres.close();
            throw e;
        }
        c.mainEnv.put("TUNELAB_DB_URL", c.jdbcUrl());
        c.mainEnv.put("TUNELAB_DB_USER", "postgres");
        c.mainEnv.put("TUNELAB_KAFKA_BOOTSTRAP", c.kafka.bootstrap());
        c.mainEnv.put("TUNELAB_ROLES", roles);
        if (lease != null) c.mainEnv.put("TUNELAB_SCHEDULER_LEASE", lease);
        c.mainEnv.put("QUARKUS_HTTP_PORT", String.valueOf(c.apiPort));
        try {
            c.startMain();
        } catch (IOException | RuntimeException e) {
            c.close();
            throw e;
        }
        return c;
    }

    String apiUrl() {
        return "http://127.0.0.1:" + apiPort;
    }

    String jdbcUrl() {
        return "jdbc:postgresql://" + postgres.hostPort() + "/postgres";
    }

    Connection database() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), "postgres", "");
    }

    Path logs() {
        return dir;
    }

    void startMain() throws IOException, InterruptedException {
        main = AppProcess.start(dir.resolve("main-data"), dir.resolve("main.log"), mainEnv);
    }

    void killMain() throws InterruptedException {
        main.kill();
    }

    AppProcess startWorker(int slots) throws IOException, InterruptedException {
        int n = workers.size();
        AppProcess w = AppProcess.start(
                dir.resolve("worker-" + n),
                dir.resolve("worker-" + n + ".log"),
                Map.of(
                        "TUNELAB_ROLES", "worker",
                        "TUNELAB_WORKER_SLOTS", String.valueOf(slots),
                        "TUNELAB_KAFKA_BOOTSTRAP", kafka.bootstrap(),
                        "TUNELAB_API_URL", apiUrl()));
        workers.add(w);
        return w;
    }

    /**
     * The worker process a trial's {@code worker} field ({@code host/pid#slot}) names, if it is one
     * of ours.
     */
    AppProcess workerOf(String trialWorker) {
        for (AppProcess w : workers) {
            if (trialWorker.contains("/" + w.pid() + "#")) return w;
        }
        return null;
    }

    void restartKafka(Duration down) throws IOException, InterruptedException {
        kafka.stop();
        Thread.sleep(down.toMillis());
        kafka.startAgain();
    }

    void restartPostgres(Duration down) throws IOException, InterruptedException {
        postgres.restart(down);
    }

    @Override
    public void close() throws InterruptedException {
        for (AppProcess w : workers) w.close();
        if (main != null) main.close();
        kafka.close();
        postgres.close();
    }
}
