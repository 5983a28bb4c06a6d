package dev.tunelab.api.board;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.tunelab.api.live.Lookback;
import dev.tunelab.core.messages.Json;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * Leaderboards of the studies being looked at, kept in memory so that any page in any order of a
 * 10,000-trial study is answered in milliseconds; SQL would sort the whole study for a deep page or
 * a parameter column. Each read first applies the trials changed since the last one.
 */
@ApplicationScoped
public class Leaderboards {
    static final int MAX_BOARDS = 16;
    static final long IDLE_NANOS = TimeUnit.MINUTES.toNanos(10);
    static final long LOOKBACK_NANOS = TimeUnit.SECONDS.toNanos(2);
    static final long FIRST_LOOKBACK = 256;

    // An Instance: a worker-only process has no database, and a plain injection of the inactive
    // datasource would stop it from starting.
    @Inject
    Instance<DataSource> dataSource;

    private final Map<UUID, Entry> boards = new ConcurrentHashMap<>();

    private record Entry(Board board, Lookback lookback) {}

    /** Trial ids of one page, in order, with each one's rank (0: unranked). */
    public record PageRows(List<UUID> ids, List<Integer> ranks, long total) {}

    public PageRows page(
            UUID study,
            boolean maximize,
            List<String> paramNames,
            SortKey key,
            Set<String> statuses,
            int page,
            int size) {
        return read(study, maximize, paramNames, b -> {
            long[] total = new long[1];
            List<Integer> rows = b.page(key, statuses, page, size, total);
            int[] ranks = b.ranks();
            return new PageRows(
                    rows.stream().map(i -> b.rows.get(i).id()).toList(),
                    rows.stream().map(i -> ranks[i]).toList(),
                    total[0]);
        });
    }

    /** The rank of one trial, or 0 when it has none yet. */
    public int rank(UUID study, boolean maximize, List<String> paramNames, int number) {
        return read(study, maximize, paramNames, b -> {
            int[] ranks = b.ranks();
            for (int i = 0; i < b.rows.size(); i++) if (b.rows.get(i).number() == number) return ranks[i];
            return 0;
        });
    }

    /** Runs {@code reader} on the study's up-to-date board, alone. */
    <T> T read(UUID study, boolean maximize, List<String> paramNames, Function<Board, T> reader) {
        evictIdle(study);
        Entry e = boards.compute(
                study,
                (k, old) -> old != null && old.board.paramNames.equals(paramNames)
                        ? old
                        : new Entry(new Board(study, maximize, paramNames), new Lookback(LOOKBACK_NANOS)));
        synchronized (e.board) {
            refresh(e);
            e.board.lastUsedNanos = System.nanoTime();
            return reader.apply(e.board);
        }
    }

    private void evictIdle(UUID keep) {
        long now = System.nanoTime();
        boards.entrySet()
                .removeIf(x -> !x.getKey().equals(keep) && now - x.getValue().board.lastUsedNanos > IDLE_NANOS);
        if (boards.size() < MAX_BOARDS) return;
        boards.values().stream()
                .filter(x -> !x.board.study.equals(keep))
                .min(Comparator.comparingLong(x -> x.board.lastUsedNanos))
                .ifPresent(x -> boards.remove(x.board.study));
    }

    private void refresh(Entry e) {
        Board b = e.board;
        long after = b.seq == 0 ? 0 : e.lookback.floor(b.seq);
        List<BoardRow> changed = new ArrayList<>();
        Map<String, Integer> paramIndex = new HashMap<>();
        for (int i = 0; i < b.paramNames.size(); i++) paramIndex.put(b.paramNames.get(i), i);
        try (Connection c = dataSource.get().getConnection();
                // The first read takes the whole study by its own index; ordered by change_seq, the planner
                // would walk every study's changes.
                PreparedStatement ps =
                        c.prepareStatement("select id, number, status, objective, epochs_done, started_at, finished_at,"
                                + " worker, param_count, params_json, change_seq from trial where study_id = ?"
                                + (after == 0 ? "" : " and change_seq > ? order by change_seq"))) {
            ps.setObject(1, b.study);
            if (after != 0) ps.setLong(2, after);
            ps.setFetchSize(5_000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    double objective = rs.getDouble(4);
                    boolean noObjective = rs.wasNull();
                    Timestamp started = rs.getTimestamp(6);
                    Timestamp finished = rs.getTimestamp(7);
                    long paramCount = rs.getLong(9);
                    boolean noCount = rs.wasNull();
                    changed.add(new BoardRow(
                            rs.getObject(1, UUID.class),
                            rs.getInt(2),
                            rs.getString(3),
                            noObjective ? null : objective,
                            rs.getInt(5),
                            started != null && finished != null ? finished.getTime() - started.getTime() : null,
                            rs.getString(8),
                            noCount ? null : paramCount,
                            params(rs.getString(10), paramIndex),
                            rs.getLong(11)));
                }
            }
        } catch (SQLException ex) {
            throw new IllegalStateException("could not read the leaderboard of study " + b.study, ex);
        }
        boolean first = b.seq == 0;
        b.apply(changed);
        // Rows of transactions still open during the first read carry numbers just below its last one.
        if (first) e.lookback.floor(Math.max(0, b.seq - FIRST_LOOKBACK));
    }

    /** Reads a flat params object straight into an array; a full tree per trial costs 3x as much. */
    private static Object[] params(String json, Map<String, Integer> index) {
        Object[] values = new Object[index.size()];
        try (JsonParser p = Json.MAPPER.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) return values;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                Integer at = index.get(p.currentName());
                JsonToken t = p.nextToken();
                if (at == null) {
                    p.skipChildren();
                    continue;
                }
                values[at] = switch (t) {
                    case VALUE_NUMBER_INT -> p.getLongValue();
                    case VALUE_NUMBER_FLOAT -> p.getDoubleValue();
                    case VALUE_TRUE -> Boolean.TRUE;
                    case VALUE_FALSE -> Boolean.FALSE;
                    case VALUE_STRING -> p.getText();
                    case VALUE_NULL -> null;
                    default -> {
                        p.skipChildren();
                        yield null;
                    }
                };
            }
            return values;
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
