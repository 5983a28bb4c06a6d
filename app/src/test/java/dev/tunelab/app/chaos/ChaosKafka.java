package dev.tunelab.app.chaos;

import dev.tunelab.app.EmbeddedKafkaServer;
import dev.tunelab.app.FreePort;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A KRaft broker in a JVM of its own that can be stopped and started again at the same address with
 * the same log, as an operator's restart would: clients keep their bootstrap setting.
 */
final class ChaosKafka implements AutoCloseable {
    private final Path dir;
    private final int port;
    private Process process;

    private ChaosKafka(Path dir, int port) {
        this.dir = dir;
        this.port = port;
    }

    static ChaosKafka start(Path dir) throws IOException {
        ChaosKafka kafka = new ChaosKafka(dir, FreePort.find());
        kafka.startProcess();
        return kafka;
    }

    String bootstrap() {
        return "127.0.0.1:" + port;
    }

    /** A clean shutdown (the broker's main stops when its standard input closes). */
    void stop() throws InterruptedException {
        if (process == null) return;
        try {
            process.getOutputStream().close();
        } catch (IOException alreadyGone) {
            // the process has ended; nothing to close
        }
        if (!process.waitFor(30, TimeUnit.SECONDS)) process.destroyForcibly().waitFor();
        process = null;
    }

    void startAgain() throws IOException {
        startProcess();
    }

    private void startProcess() throws IOException {
        Process p = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx512m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        EmbeddedKafkaServer.class.getName(),
                        dir.toString(),
                        String.valueOf(port))
                .redirectErrorStream(true)
                .start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        String line;
        while ((line = out.readLine()) != null && !line.startsWith("READY"))
            seen.append(line).append('\n');
        if (line == null) throw new IOException("the Kafka broker process ended before it was ready:\n" + seen);
        Thread drain = new Thread(() -> out.lines().forEach(l -> {}), "chaos-kafka-output");
        drain.setDaemon(true);
        drain.start();
        process = p;
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
