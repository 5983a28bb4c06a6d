package dev.tunelab.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** An exhausted connection pool is answered as 503 with Retry-After, never as a 500. */
class DatabaseBusyTest {

  @Test
  void aPoolTimeoutAnywhereInTheCausesIsABusyDatabase() {
    Exception wrapped = new IllegalStateException("query failed",
        new RuntimeException("Unable to acquire JDBC Connection", new SQLException("Sorry, acquisition timeout!")));
    assertTrue(ProblemMappers.databaseBusy(wrapped));
    assertFalse(ProblemMappers.databaseBusy(new IllegalStateException("a bug")));
  }

  @Test
  void theAnswerIs503ProblemJsonWithRetryAfter() {
    var r = new ProblemMappers().unexpected(new RuntimeException(new SQLException("Sorry, acquisition timeout!")));
    assertEquals(503, r.getStatus());
    assertEquals("1", r.getHeaderString("Retry-After"));
    assertEquals("application/problem+json", r.getMediaType().toString());
  }
}
