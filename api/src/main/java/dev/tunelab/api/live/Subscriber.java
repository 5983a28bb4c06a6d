package dev.tunelab.api.live;

import dev.tunelab.core.messages.Json;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** One browser's event stream: every change of its projects, or one study's and its trials'. */
final class Subscriber {
    final UUID study;

    /** The projects whose changes it may see; null: every project (authentication is off). */
    private final Set<String> projects;

    private final SseEventSink sink;
    private final Sse sse;
    private volatile boolean closed;
    private volatile long lastSentNanos = System.nanoTime();

    Subscriber(UUID study, Set<String> projects, SseEventSink sink, Sse sse) {
        this.study = study;
        this.projects = projects == null ? null : Set.copyOf(projects);
        this.sink = sink;
        this.sse = sse;
    }

    /**
     * The changes this stream gets, oldest first. One study's stream gets each of its changes; the
     * all-studies stream gets study changes and, per study, only its latest trial change, which is
     * all a list of studies needs to know that progress moved.
     */
    List<Change> select(List<Change> all) {
        List<Change> changes = projects == null
                ? all
                : all.stream().filter(c -> projects.contains(c.project())).toList();
        if (study != null) {
            String id = study.toString();
            return changes.stream().filter(c -> id.equals(c.study())).toList();
        }
        Map<String, Change> latestTrial = new HashMap<>();
        for (Change c : changes) if (c.kind().equals("trial")) latestTrial.put(c.study(), c);
        return changes.stream()
                .filter(c -> !c.kind().equals("trial") || latestTrial.get(c.study()) == c)
                .toList();
    }

    boolean open() {
        return !closed && !sink.isClosed();
    }

    long idleNanos() {
        return System.nanoTime() - lastSentNanos;
    }

    void send(String name, long id, Object data) {
        emit(sse.newEventBuilder()
                .name(name)
                .id(Long.toString(id))
                .data(String.class, Json.write(data))
                .build());
    }

    /** A comment line: proxies and browsers see traffic, and a gone browser is noticed. */
    void ping() {
        emit(sse.newEventBuilder().comment("ping").build());
    }

    // One sender at a time: the poller and the request thread that replays a catch-up both send.
    private synchronized void emit(OutboundSseEvent event) {
        if (!open()) return;
        lastSentNanos = System.nanoTime();
        try {
            sink.send(event).whenComplete((ok, error) -> {
                if (error != null) close();
            });
        } catch (RuntimeException e) {
            close();
        }
    }

    void close() {
        closed = true;
        try {
            sink.close();
        } catch (RuntimeException ignored) {
            // already gone
        }
    }
}
