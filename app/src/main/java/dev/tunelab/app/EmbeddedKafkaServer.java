package dev.tunelab.app;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * A single-node KRaft Kafka broker (combined broker and controller) through the broker's own
 * production entry points: storage formatting once, then {@link KafkaRaftServer}. Its log lives
 * under the data directory, so queued trials survive a restart.
 */
public final class EmbeddedKafkaServer implements AutoCloseable {
    private final KafkaRaftServer server;
    private final int port;

    private EmbeddedKafkaServer(KafkaRaftServer server, int port) {
        this.server = server;
        this.port = port;
    }

    public static EmbeddedKafkaServer start(Path dataDir) throws IOException {
        return start(dataDir, FreePort.find());
    }

    public static EmbeddedKafkaServer start(Path dataDir, int port) throws IOException {
        Path logs = dataDir.resolve("kafka");
        Files.createDirectories(logs);
        int controllerPort = FreePort.find();
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        // Static voters: the controller port may change between starts without breaking the quorum.
        p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("log.dirs", logs.toString());
        p.put("num.partitions", "4");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "4");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("auto.create.topics.enable", "true");
        if (!Files.exists(logs.resolve("meta.properties"))) format(p, dataDir);
        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(p, false), Time.SYSTEM);
        server.startup();
        return new EmbeddedKafkaServer(server, port);
    }

    private static void format(Properties p, Path dataDir) throws IOException {
        Path config = dataDir.resolve("kafka-format.properties");
        try (OutputStream out = Files.newOutputStream(config)) {
            p.store(out, "written by TuneLab to format the embedded broker's storage");
        }
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        int rc = StorageTool.execute(
                new String[] {"format", "-t", Uuid.randomUuid().toString(), "-c", config.toString()},
                new PrintStream(log, true, StandardCharsets.UTF_8));
        if (rc != 0) throw new IOException("formatting Kafka storage failed: " + log.toString(StandardCharsets.UTF_8));
    }

    public String bootstrap() {
        return "127.0.0.1:" + port;
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }

    /**
     * Runs a broker as a process of its own (external-mode tests): {@code DIR PORT}. Prints {@code
     * READY} when listening and stops when its standard input closes.
     */
    public static void main(String[] args) throws IOException {
        EmbeddedKafkaServer kafka = start(Path.of(args[0]), Integer.parseInt(args[1]));
        System.out.println("READY " + kafka.bootstrap());
        System.out.flush();
        while (System.in.read() != -1) {
            // wait for the parent to close our stdin
        }
        kafka.close();
        System.exit(0);
    }
}
