package io.calplanebot.adapter.state;

import io.calplanebot.core.port.out.StateStoreException;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Runs work in one transaction on a pooled connection; any SQL failure becomes a {@link StateStoreException}. */
final class Sql {
    private final DataSource pool;

    Sql(DataSource pool) {
        this.pool = pool;
    }

    /** Work on a connection, committed at its end, rolled back if it throws. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    <T> T inTransaction(String what, Work<T> work) {
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollback(connection);
                throw e;
            }
        } catch (SQLException e) {
            throw new StateStoreException("The state store could not " + what + ": " + e.getMessage(), e);
        }
    }

    private static void rollback(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // the connection is broken; the pool drops it
        }
    }
}
