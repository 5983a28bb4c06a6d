package dev.tunelab.api.board;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunelab.api.ApiProblem;
import java.util.List;
import org.junit.jupiter.api.Test;

class SortKeyTest {
    static final List<String> PARAMS = List.of("units", "lr");

    @Test
    void defaultsToRankAscending() {
        assertEquals(new SortKey("rank", false), SortKey.parse(null, null, PARAMS));
        assertEquals(new SortKey("rank", false), SortKey.parse(" ", "", PARAMS));
    }

    @Test
    void readsEveryColumnAndEitherOrder() {
        for (String column : List.of(
                "rank",
                "number",
                "status",
                "objective",
                "epochs",
                "duration",
                "worker",
                "paramCount",
                "param:units",
                "param:lr")) {
            assertEquals(new SortKey(column, true), SortKey.parse(" " + column + " ", "DESC", PARAMS));
            assertEquals(new SortKey(column, false), SortKey.parse(column, "asc", PARAMS));
        }
    }

    @Test
    void refusesUnknownColumnsParametersAndOrdersWithTheirPath() {
        assertRefused("$.sort", "nope", null, "must be one of rank, number");
        assertRefused("$.sort", "param:dropout", null, "a parameter of the study (units, lr)");
        assertRefused("$.sort", "param:", null, "got 'param:'");
        assertRefused("$.order", "rank", "up", "must be asc or desc; got 'up'");
    }

    private static void assertRefused(String path, String sort, String order, String message) {
        ApiProblem p = assertThrows(ApiProblem.class, () -> SortKey.parse(sort, order, PARAMS));
        assertEquals(422, p.status);
        assertEquals(path, p.errors.get(0).path());
        assertTrue(p.errors.get(0).message().contains(message), p.errors.get(0).message());
    }
}
