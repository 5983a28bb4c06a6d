package dev.tunelab.api.live;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Streams study and trial changes to browsers. The database numbers every change ({@code
 * change_seq}, Flyway V7), so the feed polls "what changed after N" four times a second while
 * anyone listens; that works the same whether the scheduler runs in this process or on another
 * node. A change numbered before a slower transaction committed would be missed by a plain cursor,
 * so each poll looks back over the last two seconds and drops what it already sent.
 */
@ApplicationScoped
public class ChangeFeed {
    private static final Logger LOG = Logger.getLogger(ChangeFeed.class);
    static final long POLL_MS = 250;
    static final long OVERLAP_NANOS = TimeUnit.SECONDS.toNanos(2);
    static final long PING_NANOS = TimeUnit.SECONDS.toNanos(15);

    /** More changes than this for one page at once: the page is told to reload instead. */
    static final int MAX_REPLAY = 500;

    static final int MAX_POLL_ROWS = 20_000;

    /** Rows read for a replay; a page that missed more is reset however they would collapse. */
    static final int MAX_REPLAY_READ = 5_000;

    // An Instance: a worker-only process has no database, and a plain injection of the inactive
    // datasource would stop it from starting.
    @Inject
    Instance<DataSource> dataSource;

    private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();
    private final Lookback lookback = new Lookback(OVERLAP_NANOS);
    private final Map<String, Long> sentInWindow = new HashMap<>();
    private ScheduledExecutorService poller;
    private long cursor;
    private boolean idle;
    private long resumeFrom = -1;
    private long lastWarnNanos = System.nanoTime() - TimeUnit.HOURS.toNanos(1);

    /** Sends what changed after {@code lastSeen} (or a hello at the current number), then follows. */
    public void subscribe(Subscriber s, Long lastSeen) throws SQLException {
        // Listening first, then reading where things stand: a change in between is sent twice, not
        // lost.
        subscribers.add(s);
        long now = current();
        startPolling(now);
        if (lastSeen == null || lastSeen > now) {
            s.send("hello", now, Map.of("seq", now));
        } else {
            List<Change> found = changesAfter(lastSeen, s.study, MAX_REPLAY_READ);
            List<Change> missed = s.select(found);
            if (found.size() == MAX_REPLAY_READ || missed.size() > MAX_REPLAY) s.send("reset", now, Map.of("seq", now));
            else missed.forEach(c -> s.send(c.kind(), c.seq(), c));
            if (missed.isEmpty()) s.send("hello", lastSeen, Map.of("seq", lastSeen));
        }
    }

    private synchronized void startPolling(long from) {
        if (poller != null) {
            // Nobody listened for a while: resume from here rather than read what nobody missed.
            if (idle) resumeFrom = resumeFrom < 0 ? from : Math.min(resumeFrom, from);
            return;
        }
        cursor = from;
        poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "tunelab-change-feed");
            t.setDaemon(true);
            return t;
        });
        poller.scheduleWithFixedDelay(this::pollSafely, POLL_MS, POLL_MS, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent ev) {
        synchronized (this) {
            if (poller != null) poller.shutdownNow();
        }
        subscribers.forEach(Subscriber::close);
    }

    private void pollSafely() {
        try {
            subscribers.removeIf(s -> !s.open());
            synchronized (this) {
                idle = subscribers.isEmpty();
                if (idle) return;
                if (resumeFrom >= 0) cursor = resumeFrom;
                resumeFrom = -1;
            }
            poll();
            for (Subscriber s : subscribers) if (s.idleNanos() > PING_NANOS) s.ping();
        } catch (SQLException | RuntimeException e) {
            // The database may be restarting; pages keep their stream and get the changes on recovery.
            long now = System.nanoTime();
            if (now - lastWarnNanos > TimeUnit.MINUTES.toNanos(1)) {
                lastWarnNanos = now;
                LOG.warnf(e, "change feed poll failed (retrying every %d ms)", POLL_MS);
            }
        }
    }

    private void poll() throws SQLException {
        long floor = lookback.floor(cursor);
        sentInWindow.values().removeIf(seq -> seq <= floor);

        List<Change> fresh = new ArrayList<>();
        for (Change c : changesAfter(floor, null, MAX_POLL_ROWS)) {
            cursor = Math.max(cursor, c.seq());
            String key = c.kind() + ':' + c.study() + ':' + c.number();
            Long sent = sentInWindow.put(key, c.seq());
            if (sent == null || sent != c.seq()) fresh.add(c);
        }
        if (fresh.isEmpty()) return;
        for (Subscriber s : subscribers) {
            List<Change> mine = s.select(fresh);
            if (mine.size() > MAX_REPLAY) s.send("reset", cursor, Map.of("seq", cursor));
            else mine.forEach(c -> s.send(c.kind(), c.seq(), c));
        }
    }

    private long current() throws SQLException {
        try (Connection c = dataSource.get().getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "select greatest((select coalesce(max(change_seq), 0) from trial), (select coalesce(max(change_seq), 0) from study))");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Changes after {@code seq}, oldest first; only one study's when {@code study} is set. */
    List<Change> changesAfter(long seq, UUID study, int limit) throws SQLException {
        String where = study == null ? "" : " and %s = ?";
        List<Change> all = new ArrayList<>();
        try (Connection c = dataSource.get().getConnection()) {
            try (PreparedStatement ps =
                    c.prepareStatement("select change_seq, study_id, number, status, epochs_done, objective, project_id"
                            + " from trial where change_seq > ?"
                            + where.formatted("study_id")
                            + " order by change_seq limit ?")) {
                bind(ps, seq, study, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        double objective = rs.getDouble(6);
                        all.add(new Change(
                                "trial",
                                rs.getLong(1),
                                rs.getString(2),
                                rs.getInt(3),
                                rs.getString(4),
                                rs.getInt(5),
                                rs.wasNull() ? null : objective,
                                rs.getString(7)));
                    }
                }
            }
            try (PreparedStatement ps =
                    c.prepareStatement("select change_seq, id, status, project_id from study where change_seq > ?"
                            + where.formatted("id")
                            + " order by change_seq limit ?")) {
                bind(ps, seq, study, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next())
                        all.add(new Change(
                                "study",
                                rs.getLong(1),
                                rs.getString(2),
                                null,
                                rs.getString(3),
                                null,
                                null,
                                rs.getString(4)));
                }
            }
        }
        all.sort(Comparator.comparingLong(Change::seq));
        return all.size() > limit ? all.subList(0, limit) : all;
    }

    private static void bind(PreparedStatement ps, long seq, UUID study, int limit) throws SQLException {
        int i = 1;
        ps.setLong(i++, seq);
        if (study != null) ps.setObject(i++, study);
        ps.setInt(i, limit);
    }
}
