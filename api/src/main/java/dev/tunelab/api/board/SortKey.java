package dev.tunelab.api.board;

import dev.tunelab.api.ApiProblem;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * A leaderboard column to sort by: {@code rank} (the default), {@code number}, {@code status},
 * {@code objective}, {@code epochs}, {@code duration}, {@code worker}, {@code paramCount} or {@code
 * param:<name>}. Missing values sort last either way; ties go by trial number.
 */
public record SortKey(String column, boolean descending) {
    static final List<String> COLUMNS =
            List.of("rank", "number", "status", "objective", "epochs", "duration", "worker", "paramCount");

    public static SortKey parse(String sort, String order, List<String> paramNames) {
        String column = sort == null || sort.isBlank() ? "rank" : sort.strip();
        if (!COLUMNS.contains(column)
                && !(column.startsWith("param:") && paramNames.contains(column.substring("param:".length())))) {
            throw ApiProblem.invalid(
                    "$.sort",
                    "must be one of "
                            + String.join(", ", COLUMNS)
                            + " or param:<name> with a parameter of the study ("
                            + String.join(", ", paramNames)
                            + "); got '"
                            + column
                            + "'");
        }
        String o = order == null || order.isBlank() ? "asc" : order.strip().toLowerCase();
        if (!o.equals("asc") && !o.equals("desc"))
            throw ApiProblem.invalid("$.order", "must be asc or desc; got '" + order + "'");
        return new SortKey(column, o.equals("desc"));
    }

    Comparator<BoardRow> comparator(boolean maximize, List<String> paramNames) {
        Comparator<BoardRow> byNumber = Comparator.comparingInt(BoardRow::number);
        if (column.equals("rank")) {
            Comparator<BoardRow> rank = Comparator.comparingInt(BoardRow::statusGroup)
                    .thenComparing(
                            BoardRow::objective,
                            nullsLast(maximize ? Comparator.<Double>reverseOrder() : Comparator.<Double>naturalOrder()))
                    .thenComparing(byNumber);
            return descending ? rank.reversed() : rank;
        }
        if (column.equals("number")) return descending ? byNumber.reversed() : byNumber;
        Function<BoardRow, Object> value = switch (column) {
            case "status" -> BoardRow::status;
            case "objective" -> BoardRow::objective;
            case "epochs" -> BoardRow::epochs;
            case "duration" -> BoardRow::durationMs;
            case "worker" -> BoardRow::worker;
            case "paramCount" -> BoardRow::paramCount;
            default -> {
                int i = paramNames.indexOf(column.substring("param:".length()));
                yield r -> r.params()[i];
            }
        };
        Comparator<Object> values = descending ? VALUES.reversed() : VALUES;
        return Comparator.comparing(value, nullsLast(values)).thenComparing(byNumber);
    }

    private static <T> Comparator<T> nullsLast(Comparator<? super T> c) {
        return Comparator.nullsLast(c);
    }

    /** Numbers by value before text; a parameter may hold either (a choice of 16, 32 or "auto"). */
    static final Comparator<Object> VALUES = (a, b) -> {
        if (a instanceof Number x && b instanceof Number y) return Double.compare(x.doubleValue(), y.doubleValue());
        if (a instanceof Number) return -1;
        if (b instanceof Number) return 1;
        return String.valueOf(a).compareTo(String.valueOf(b));
    };
}
