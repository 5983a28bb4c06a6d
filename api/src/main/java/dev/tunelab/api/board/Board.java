package dev.tunelab.api.board;

import dev.tunelab.core.study.TrialStatus;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * One study's leaderboard in memory: every trial's sortable fields and one order per sort key. The
 * database stays the record; this is a cache brought up to date from {@code change_seq} on each
 * read. Orders are re-sorted from the previous order (TimSort finishes a nearly sorted array in
 * about one pass), so a running study's changes cost little more than reading them.
 */
final class Board {
    final UUID study;
    final boolean maximize;
    final List<String> paramNames;
    final ArrayList<BoardRow> rows = new ArrayList<>();
    private final Map<Integer, Integer> indexByNumber = new HashMap<>();
    private final Map<SortKey, Integer[]> orders = new HashMap<>();
    private final Map<SortKey, Long> orderVersions = new HashMap<>();
    private int[] ranks = new int[0];
    private long ranksVersion = -1;
    long seq;
    long version;
    volatile long lastUsedNanos = System.nanoTime();

    /** Whatever a reader derives from the rows and keeps until they change (e.g. importance). */
    final Map<String, Object> derived = new HashMap<>();

    Board(UUID study, boolean maximize, List<String> paramNames) {
        this.study = study;
        this.maximize = maximize;
        this.paramNames = List.copyOf(paramNames);
    }

    void apply(List<BoardRow> changed) {
        boolean any = false;
        for (BoardRow r : changed) {
            seq = Math.max(seq, r.seq());
            Integer at = indexByNumber.get(r.number());
            if (at == null) {
                indexByNumber.put(r.number(), rows.size());
                rows.add(r);
            } else if (rows.get(at).seq() != r.seq()) {
                rows.set(at, r);
            } else {
                continue; // read again by the lookback, unchanged
            }
            any = true;
        }
        if (!any) return;
        version++;
        derived.clear();
    }

    /** Row indexes in the key's order. */
    Integer[] order(SortKey key) {
        Integer[] order = orders.get(key);
        if (order != null && orderVersions.get(key) == version) return order;
        int known = order == null ? 0 : order.length;
        Integer[] next = order == null ? new Integer[rows.size()] : Arrays.copyOf(order, rows.size());
        for (int i = known; i < rows.size(); i++) next[i] = i;
        var byRow = key.comparator(maximize, paramNames);
        Arrays.sort(next, (a, b) -> byRow.compare(rows.get(a), rows.get(b)));
        orders.put(key, next);
        orderVersions.put(key, version);
        return next;
    }

    /** 1-based rank of each row among trials with an objective (completed first); 0 for the rest. */
    int[] ranks() {
        if (ranksVersion == version) return ranks;
        Integer[] byRank = order(new SortKey("rank", false));
        int[] r = new int[rows.size()];
        int next = 1;
        for (int i : byRank) if (rows.get(i).objective() != null && !rows.get(i).is(TrialStatus.SKIPPED)) r[i] = next++;
        ranks = r;
        ranksVersion = version;
        return r;
    }

    /**
     * A page of row indexes in the key's order, only trials of the given statuses when any are named.
     */
    List<Integer> page(SortKey key, Set<String> statuses, int page, int size, long[] total) {
        Integer[] order = order(key);
        List<Integer> out = new ArrayList<>(size);
        long from = (long) page * size;
        if (statuses.isEmpty()) {
            total[0] = order.length;
            for (long i = from; i < Math.min(order.length, from + size); i++) out.add(order[(int) i]);
            return out;
        }
        long seen = 0;
        for (Integer i : order) {
            if (!statuses.contains(rows.get(i).status())) continue;
            if (seen >= from && out.size() < size) out.add(i);
            seen++;
        }
        total[0] = seen;
        return out;
    }
}
