package dev.tunelab.scheduler;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * A PostgreSQL session-level advisory lock held on a connection of its own: the scheduler that
 * holds it is the active one, and the lock goes with the connection if that process dies.
 */
final class LeaderLock implements AutoCloseable {
    private static final long KEY = 0x54756e654c6162L; // "TuneLab"
    private final Connection connection;

    private LeaderLock(Connection connection) {
        this.connection = connection;
    }

    /** The lock, or null when another scheduler holds it. */
    static LeaderLock tryAcquire(DataSource ds) throws SQLException {
        Connection c = ds.getConnection();
        try (PreparedStatement st = c.prepareStatement("select pg_try_advisory_lock(?)")) {
            st.setLong(1, KEY);
            try (ResultSet rs = st.executeQuery()) {
                if (rs.next() && rs.getBoolean(1)) return new LeaderLock(c);
            }
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        c.close();
        return null;
    }

    boolean stillHeld() {
        try (PreparedStatement st = connection.prepareStatement("select 1")) {
            st.executeQuery().close();
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // the lock is released with the session either way
        }
    }
}
