package dev.tunelab.app;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.nio.file.Path;

/**
 * Starts the servers TuneLab needs before the application, since the datasource and Kafka clients
 * read their addresses at start-up, and stops them only after the application has.
 */
@QuarkusMain
public class TuneLabMain {

    public static void main(String... args) throws Exception {
        String dir = Servers.fromEnvironment("TUNELAB_DATA_DIR");
        Path dataDir = Path.of(dir == null ? "data" : dir).toAbsolutePath();
        Servers servers = Servers.start(Servers::fromEnvironment, dataDir);
        servers.config().forEach(System::setProperty);
        EmbeddedWorkerCredential.provide();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stopAfterApplication(servers), "tunelab-servers-stop"));
        Quarkus.run(RunUntilStopped.class, args);
    }

    /** Quarkus stops in its own shutdown hook; the servers it uses go only once it has. */
    private static void stopAfterApplication(Servers servers) {
        io.quarkus.runtime.Application app = io.quarkus.runtime.Application.currentApplication();
        if (app != null) {
            Thread waiter = new Thread(app::awaitShutdown, "tunelab-await-shutdown");
            waiter.setDaemon(true);
            waiter.start();
            try {
                waiter.join(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        servers.close();
    }

    /** Runs until Quarkus is asked to stop (Ctrl-C, SIGTERM). */
    public static class RunUntilStopped implements QuarkusApplication {
        @Override
        public int run(String... args) {
            Quarkus.waitForExit();
            return 0;
        }
    }
}
