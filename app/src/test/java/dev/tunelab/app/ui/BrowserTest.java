package dev.tunelab.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunelab.app.support.ServersResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The web UI's end-to-end tests (web-ui/e2e, Playwright driving Debian's Chromium) against this
 * test's TuneLab with its real embedded PostgreSQL and Kafka: submit a study through the form,
 * watch it live, open a trial, download the best model, see a validation error, reconnect.
 * Screenshots land in web-ui/target/e2e/screenshots.
 */
@QuarkusTest
@WithTestResource(value = ServersResource.class, scope = TestResourceScope.GLOBAL)
class BrowserTest {
    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium"));

    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    @Test
    void playwrightSuitePasses() throws Exception {
        assertTrue(
                Files.isExecutable(CHROMIUM),
                CHROMIUM + " is missing: install Debian's chromium (apt-get install chromium);" + " .ci/run does");
        Path webUi = Path.of("").toAbsolutePath().resolveSibling("web-ui");
        assertTrue(
                Files.isDirectory(webUi.resolve("node_modules/@playwright/test")),
                "run npm ci in " + webUi + " (the web-ui module's build does)");
        ProcessBuilder pb = new ProcessBuilder("npx", "playwright", "test")
                .directory(webUi.toFile())
                .redirectErrorStream(true);
        pb.environment().put("TUNELAB_URL", "http://127.0.0.1:" + port);
        pb.environment().put("CHROMIUM_PATH", CHROMIUM.toString());
        Process p = pb.start();
        Deque<String> tail = new ArrayDeque<>();
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                System.out.println("[playwright] " + line);
                tail.addLast(line);
                if (tail.size() > 80) tail.removeFirst();
            }
        }
        boolean ended = p.waitFor(10, TimeUnit.MINUTES);
        if (!ended) p.destroyForcibly();
        assertEquals(0, ended ? p.exitValue() : -1, "the browser tests failed:\n" + String.join("\n", tail));
    }
}
