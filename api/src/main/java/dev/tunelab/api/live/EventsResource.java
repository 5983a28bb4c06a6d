package dev.tunelab.api.live;

import dev.tunelab.api.ApiProblem;
import dev.tunelab.api.StudyReads;
import dev.tunelab.api.access.Access;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.sql.SQLException;
import java.util.Set;
import java.util.UUID;

/**
 * Server-Sent Events: {@code study} and {@code trial} changes, each with its change number as the
 * event id. A reconnecting browser sends {@code Last-Event-ID} and first gets what it missed, or a
 * {@code reset} when it missed too much to replay; a fresh stream starts with {@code hello}.
 */
@Path("/api/v1/events")
public class EventsResource {
    @Inject
    ChangeFeed feed;

    @Inject
    Access access;

    @Inject
    StudyReads studies;

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void events(
            @Context SseEventSink sink,
            @Context Sse sse,
            @QueryParam("study") String study,
            @QueryParam("project") String project,
            @HeaderParam("Last-Event-ID") String lastEventId)
            throws SQLException {
        UUID id = null;
        if (study != null && !study.isBlank()) {
            try {
                id = UUID.fromString(study.strip());
            } catch (IllegalArgumentException e) {
                throw ApiProblem.invalid("$.study", "must be a study id; got '" + study + "'");
            }
        }
        if (id != null) studies.study(id);
        Set<String> projects = access.caller().everyProject() && project == null ? null : access.readable(project);
        feed.subscribe(new Subscriber(id, projects, sink, sse), lastSeen(lastEventId));
    }

    private static Long lastSeen(String header) {
        if (header == null || header.isBlank()) return null;
        try {
            return Long.parseLong(header.strip());
        } catch (NumberFormatException e) {
            return null; // not one of ours: start fresh
        }
    }
}
