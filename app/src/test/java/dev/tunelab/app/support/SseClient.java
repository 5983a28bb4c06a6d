package dev.tunelab.app.support;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** Reads a Server-Sent Events stream the way a browser's EventSource does, one event at a time. */
public final class SseClient implements AutoCloseable {
    public record Event(String name, String id, String data) {}

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final InputStream body;
    private final Thread reader;

    public SseClient(String url, String lastEventId) throws Exception {
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(url))
                .header("Accept", "text/event-stream")
                .header("Authorization", TestTokens.bearer(TestTokens.ADMIN));
        if (lastEventId != null) req.header("Last-Event-ID", lastEventId);
        HttpResponse<InputStream> res = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .build()
                .send(req.build(), HttpResponse.BodyHandlers.ofInputStream());
        if (res.statusCode() != 200) throw new IllegalStateException("event stream answered " + res.statusCode());
        body = res.body();
        reader = new Thread(this::read, "sse-test-reader");
        reader.setDaemon(true);
        reader.start();
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String name = "message", id = null;
            StringBuilder data = new StringBuilder();
            for (String line; (line = in.readLine()) != null; ) {
                if (line.isEmpty()) {
                    if (data.length() > 0) events.add(new Event(name, id, data.toString()));
                    name = "message";
                    data.setLength(0);
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).strip();
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).strip();
                } else if (line.startsWith("data:")) {
                    if (data.length() > 0) data.append('\n');
                    data.append(line.substring(5).strip());
                }
            }
        } catch (Exception e) {
            // closed by the test
        }
    }

    /** The next event that matches, skipping others; fails after the timeout. */
    public Event await(Predicate<Event> match, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        java.util.List<String> skipped = new java.util.ArrayList<>();
        while (System.nanoTime() < end) {
            Event e = events.poll(end - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (e != null && match.test(e)) return e;
            if (e != null && skipped.size() < 20) skipped.add(e.name() + " " + e.id() + " " + e.data());
        }
        throw new AssertionError("no matching event within " + timeout + "; skipped " + skipped);
    }

    @Override
    public void close() throws Exception {
        body.close();
        reader.interrupt();
    }
}
