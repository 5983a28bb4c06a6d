package dev.tunelab.api.board;

import java.util.Arrays;

/**
 * The leaderboard's order written out pair by pair, apart from {@link SortKey}'s comparators, so
 * that a change to them shows up as a disagreement:
 *
 * <ul>
 *   <li>{@code rank}: completed trials, then pruned, then the rest, then skipped; within a group by
 *       objective, best first (nulls last); then by number. Descending is the exact reverse.
 *   <li>{@code number}: by number.
 *   <li>every other column: by its value (numbers by value, before text; text alphabetically),
 *       reversed when descending, trials without a value last either way, ties by number ascending
 *       either way.
 * </ul>
 */
final class LeaderboardOrder {
    private LeaderboardOrder() {}

    /** Negative when {@code a} comes before {@code b}. */
    static int compare(String column, boolean descending, boolean maximize, BoardRow a, BoardRow b) {
        if (column.equals("number"))
            return descending ? Integer.compare(b.number(), a.number()) : Integer.compare(a.number(), b.number());
        if (column.equals("rank")) {
            int c = rankCompare(maximize, a, b);
            return descending ? -c : c;
        }
        Object x = value(column, a);
        Object y = value(column, b);
        if (x == null && y == null) return Integer.compare(a.number(), b.number());
        if (x == null) return 1;
        if (y == null) return -1;
        int c = valueCompare(x, y);
        if (descending) c = -c;
        return c != 0 ? c : Integer.compare(a.number(), b.number());
    }

    private static int rankCompare(boolean maximize, BoardRow a, BoardRow b) {
        int c = Integer.compare(group(a.status()), group(b.status()));
        if (c != 0) return c;
        if (a.objective() != null && b.objective() != null) {
            c = maximize ? Double.compare(b.objective(), a.objective()) : Double.compare(a.objective(), b.objective());
            if (c != 0) return c;
        } else if (a.objective() != null || b.objective() != null) {
            return a.objective() != null ? -1 : 1;
        }
        return Integer.compare(a.number(), b.number());
    }

    private static int group(String status) {
        if (status.equals("COMPLETED")) return 0;
        if (status.equals("PRUNED")) return 1;
        if (status.equals("SKIPPED")) return 3;
        return 2;
    }

    private static Object value(String column, BoardRow r) {
        return switch (column) {
            case "status" -> r.status();
            case "objective" -> r.objective();
            case "epochs" -> r.epochs();
            case "duration" -> r.durationMs();
            case "worker" -> r.worker();
            case "paramCount" -> r.paramCount();
            case "param:units" -> r.params()[0];
            case "param:activation" -> r.params()[1];
            case "param:lr" -> r.params()[2];
            default -> throw new IllegalArgumentException(column);
        };
    }

    private static int valueCompare(Object x, Object y) {
        boolean xn = x instanceof Number;
        boolean yn = y instanceof Number;
        if (xn && yn) return Double.compare(((Number) x).doubleValue(), ((Number) y).doubleValue());
        if (xn != yn) return xn ? -1 : 1;
        return x.toString().compareTo(y.toString());
    }

    static String describe(BoardRow r) {
        return "#"
                + r.number()
                + " "
                + r.status()
                + " objective="
                + r.objective()
                + " epochs="
                + r.epochs()
                + " duration="
                + r.durationMs()
                + " worker="
                + r.worker()
                + " paramCount="
                + r.paramCount()
                + " params="
                + Arrays.toString(r.params());
    }
}
