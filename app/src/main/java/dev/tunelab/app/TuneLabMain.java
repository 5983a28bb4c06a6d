package dev.tunelab.app;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Starts the servers TuneLab needs before the application, since the datasource and Kafka
 * clients read their addresses at start-up, and stops them only after the application has.
 */
@QuarkusMain
public class TuneLabMain {

  public static void main(String... args) throws Exception {
    String dir = Servers.fromEnvironment("TUNELAB_DATA_DIR");
    Path dataDir = Path.of(dir == null ? "data" : dir).toAbsolutePath();
    Servers servers = Servers.start(Servers::fromEnvironment, dataDir);
    servers.config().forEach(System::setProperty);
    CountDownLatch appStopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        appStopped.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      servers.close();
    }, "tunelab-servers-stop"));
    try {
      Quarkus.run(Application.class, args);
    } finally {
      appStopped.countDown();
    }
  }

  /** Runs until Quarkus is asked to stop (Ctrl-C, SIGTERM). */
  public static class Application implements QuarkusApplication {
    @Override
    public int run(String... args) {
      Quarkus.waitForExit();
      return 0;
    }
  }
}
