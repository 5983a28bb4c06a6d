package dev.tunelab.api.board;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The in-memory leaderboard: every sort key in both orders against an order spelled out in {@link
 * LeaderboardOrder}, on random boards with missing values and ties; updates, ranks, pages and
 * status filters.
 */
class BoardTest {
    static final List<String> PARAMS = List.of("units", "activation", "lr");
    static final List<String> KEYS = List.of(
            "rank",
            "number",
            "status",
            "objective",
            "epochs",
            "duration",
            "worker",
            "paramCount",
            "param:units",
            "param:activation",
            "param:lr");
    static final String[] STATUSES = {"COMPLETED", "COMPLETED", "PRUNED", "FAILED", "RUNNING", "QUEUED", "SKIPPED"};

    /**
     * Trials with every kind of value a column can hold: nulls, ties, numbers and text in one
     * parameter.
     */
    static List<BoardRow> randomRows(int n, Random rnd) {
        List<BoardRow> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String status = STATUSES[rnd.nextInt(STATUSES.length)];
            boolean scored = status.equals("COMPLETED")
                    || status.equals("PRUNED")
                    || (status.equals("RUNNING") && rnd.nextBoolean());
            // Few distinct values, so ties are common and the tie-break by number is exercised.
            Double objective = scored ? Math.round(rnd.nextDouble() * 20) / 20.0 : null;
            Object units = switch (rnd.nextInt(4)) {
                case 0 -> null;
                case 1 -> "auto";
                default -> (long) (4 + rnd.nextInt(6));
            };
            Object activation =
                    rnd.nextInt(5) == 0 ? null : List.of("relu", "tanh", "elu").get(rnd.nextInt(3));
            Object lr = rnd.nextInt(6) == 0 ? null : Math.round(rnd.nextDouble() * 10) / 1000.0;
            rows.add(new BoardRow(
                    UUID.randomUUID(),
                    i,
                    status,
                    objective,
                    rnd.nextInt(4),
                    rnd.nextInt(4) == 0 ? null : (long) rnd.nextInt(5) * 100,
                    rnd.nextInt(4) == 0 ? null : "w" + rnd.nextInt(3),
                    rnd.nextInt(5) == 0 ? null : (long) rnd.nextInt(4) * 1000,
                    new Object[] {units, activation, lr},
                    i + 1));
        }
        // The board keeps rows in arrival order, which is not trial order.
        java.util.Collections.shuffle(rows, rnd);
        return rows;
    }

    static Board board(boolean maximize, List<BoardRow> rows) {
        Board b = new Board(UUID.randomUUID(), maximize, PARAMS);
        b.apply(rows);
        return b;
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void everyKeySortsEitherWayAsSpecified(boolean maximize) {
        Random rnd = new Random(maximize ? 11 : 12);
        for (int round = 0; round < 20; round++) {
            Board b = board(maximize, randomRows(60, rnd));
            for (String column : KEYS) {
                for (boolean descending : new boolean[] {false, true}) {
                    Integer[] order = b.order(new SortKey(column, descending));
                    assertEquals(b.rows.size(), order.length);
                    assertEquals(b.rows.size(), Set.copyOf(Arrays.asList(order)).size(), "a permutation");
                    for (int i = 1; i < order.length; i++) {
                        BoardRow before = b.rows.get(order[i - 1]);
                        BoardRow after = b.rows.get(order[i]);
                        assertTrue(
                                LeaderboardOrder.compare(column, descending, maximize, before, after) < 0,
                                column
                                        + (descending ? " desc" : " asc")
                                        + (maximize ? " (maximize)" : " (minimize)")
                                        + " at "
                                        + i
                                        + ": "
                                        + LeaderboardOrder.describe(before)
                                        + " before "
                                        + LeaderboardOrder.describe(after));
                    }
                }
            }
        }
    }

    @Test
    void rankDescendingIsRankAscendingReversed() {
        Board b = board(true, randomRows(80, new Random(3)));
        List<Integer> asc = new ArrayList<>(Arrays.asList(b.order(new SortKey("rank", false))));
        java.util.Collections.reverse(asc);
        assertEquals(asc, Arrays.asList(b.order(new SortKey("rank", true))));
    }

    @Test
    void ranksNumberTrialsWithAnObjectiveInRankOrderAndNoOthers() {
        Board b = board(false, randomRows(80, new Random(4)));
        int[] ranks = b.ranks();
        Integer[] byRank = b.order(new SortKey("rank", false));
        int expected = 1;
        for (int i : byRank) {
            BoardRow r = b.rows.get(i);
            if (r.objective() != null && !r.status().equals("SKIPPED"))
                assertEquals(expected++, ranks[i], LeaderboardOrder.describe(r));
            else assertEquals(0, ranks[i], LeaderboardOrder.describe(r));
        }
    }

    @Test
    void aChangedRowReplacesTheOldOneAndMovesInEveryOrder() {
        BoardRow a = row(0, "COMPLETED", 0.5, 1);
        BoardRow b = row(1, "COMPLETED", 0.7, 2);
        BoardRow c = row(2, "RUNNING", null, 3);
        Board board = board(true, List.of(a, b, c));
        assertEquals(List.of(1, 0, 2), numbers(board, "rank", false));
        assertArrayEquals(new int[] {2, 1, 0}, board.ranks());
        long version = board.version;

        board.apply(List.of(row(2, "COMPLETED", 0.9, 4)));
        assertEquals(version + 1, board.version);
        assertEquals(3, board.rows.size(), "replaced, not added");
        assertEquals(List.of(2, 1, 0), numbers(board, "rank", false));
        assertEquals(List.of(2, 1, 0), numbers(board, "objective", true));
        assertArrayEquals(new int[] {3, 2, 1}, board.ranks());
        assertEquals(4, board.seq);

        board.apply(List.of(row(2, "FAILED", 0.1, 4)));
        assertEquals(version + 1, board.version, "a row read again with the same change number changes nothing");
        board.apply(List.of(row(3, "PRUNED", 0.99, 5)));
        assertEquals(List.of(2, 1, 0, 3), numbers(board, "rank", false), "pruned trials rank after completed ones");
    }

    @Test
    void pagesAndStatusFiltersCountWhatTheyShow() {
        List<BoardRow> rows = new ArrayList<>();
        for (int i = 0; i < 25; i++) rows.add(row(i, i % 5 == 0 ? "PRUNED" : "COMPLETED", i / 100.0, i + 1));
        Board b = board(true, rows);
        long[] total = new long[1];
        SortKey byNumber = new SortKey("number", false);
        assertEquals(
                List.of(10, 11, 12, 13, 14),
                b.page(byNumber, Set.of(), 2, 5, total).stream()
                        .map(i -> b.rows.get(i).number())
                        .toList());
        assertEquals(25, total[0]);
        assertEquals(List.of(), b.page(byNumber, Set.of(), 5, 5, total), "past the end");
        assertEquals(
                List.of(15, 20),
                b.page(byNumber, Set.of("PRUNED"), 1, 3, total).stream()
                        .map(i -> b.rows.get(i).number())
                        .toList());
        assertEquals(5, total[0]);
        assertEquals(List.of(), b.page(byNumber, Set.of("FAILED"), 0, 3, total));
        assertEquals(0, total[0]);
    }

    static BoardRow row(int number, String status, Double objective, long seq) {
        return new BoardRow(UUID.randomUUID(), number, status, objective, 1, null, null, null, new Object[3], seq);
    }

    static List<Integer> numbers(Board b, String column, boolean descending) {
        return Arrays.stream(b.order(new SortKey(column, descending)))
                .map(i -> b.rows.get(i).number())
                .toList();
    }
}
