package dev.tunelab.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/**
 * An exhausted pool or a restarting database is answered as 503 with Retry-After, never as a 500.
 */
class DatabaseUnavailableTest {

    @Test
    void aPoolTimeoutAnywhereInTheCausesIsABusyDatabase() {
        Exception wrapped = new IllegalStateException(
                "query failed",
                new RuntimeException(
                        "Unable to acquire JDBC Connection", new SQLException("Sorry, acquisition timeout!")));
        assertTrue(ProblemMappers.databaseUnavailable(wrapped));
        assertFalse(ProblemMappers.databaseUnavailable(new IllegalStateException("a bug")));
        // PostgreSQL restarting: connection refused (08001) or the server shutting down (57P01).
        assertTrue(ProblemMappers.databaseUnavailable(new RuntimeException(new SQLException("refused", "08001"))));
        assertTrue(ProblemMappers.databaseUnavailable(new SQLException("terminating connection", "57P01")));
        assertFalse(ProblemMappers.databaseUnavailable(new SQLException("duplicate key", "23505")));
    }

    @Test
    void theAnswerIs503ProblemJsonWithRetryAfter() {
        var r = new ProblemMappers().unexpected(new RuntimeException(new SQLException("Sorry, acquisition timeout!")));
        assertEquals(503, r.getStatus());
        assertEquals("1", r.getHeaderString("Retry-After"));
        assertEquals("application/problem+json", r.getMediaType().toString());
    }
}
