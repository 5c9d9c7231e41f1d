package dev.switchboard.ledger.jdbc;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Runs ledger statements on one connection of Micronaut Data's {@link JdbcOperations} in one transaction:
 * committed when the work returns, rolled back when it throws. The ledger's writes run outside any
 * transaction; on a connection already inside one, the work joins it.
 */
final class LedgerTransaction {

    /** Statements on the transaction's connection. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private static final Logger LOG = LoggerFactory.getLogger(LedgerTransaction.class);

    private LedgerTransaction() {
    }

    static <T> T run(JdbcOperations jdbc, Work<T> work) {
        return jdbc.execute(connection -> {
            if (!connection.getAutoCommit()) {
                return work.run(connection);
            }
            connection.setAutoCommit(false);
            T result;
            try {
                result = work.run(connection);
                connection.commit();
            } catch (Throwable failure) {
                // Any failure, an Error too: restoring autocommit over an open transaction would commit it.
                rollBack(connection, failure);
                restoreAutoCommit(connection, failure);
                throw failure;
            }
            restoreAutoCommit(connection, null);
            return result;
        });
    }

    private static void rollBack(Connection connection, Throwable cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            // The work's own failure is what the caller needs; the pool discards a broken connection.
            cause.addSuppressed(e);
        }
    }

    /**
     * Autocommit back on. After a commit, a failure here does not undo the work: it is logged, not
     * thrown, and the pool resets the setting when it takes the connection back.
     */
    private static void restoreAutoCommit(Connection connection, Throwable cause) {
        try {
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            if (cause != null) {
                cause.addSuppressed(e);
            } else {
                LOG.warn("autocommit could not be restored after a committed ledger transaction ({})",
                        e.getClass().getSimpleName());
            }
        }
    }
}
