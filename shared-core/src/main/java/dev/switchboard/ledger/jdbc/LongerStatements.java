package dev.switchboard.ledger.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Lets one transaction's statements run longer than the pool's connections allow them ({@link LedgerTimeouts}):
 * on PostgreSQL the session's statement_timeout for this transaction only ({@code SET LOCAL}, which ends with it),
 * and the wait for an answer (pgjdbc's network timeout) until closed, when it is put back. On other databases a
 * statement is bounded by its own query timeout alone, and nothing is changed.
 */
final class LongerStatements implements AutoCloseable {

    /** Changes nothing: for statements the connection's own limits fit. */
    static final LongerStatements NONE = new LongerStatements(null, 0);

    private final Connection raised;
    private final int previousNetworkTimeout;

    private LongerStatements(Connection raised, int previousNetworkTimeout) {
        this.raised = raised;
        this.previousNetworkTimeout = previousNetworkTimeout;
    }

    /** Lets statements of {@code connection}'s current transaction run up to {@code seconds}. */
    static LongerStatements allow(Connection connection, int seconds) throws SQLException {
        if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
            return NONE;
        }
        try (Statement set = connection.createStatement()) {
            set.execute("SET LOCAL statement_timeout = '" + seconds + "s'");
        }
        int previous = connection.getNetworkTimeout();
        // The executor is pgjdbc's to ignore; the socket's read timeout is set at once.
        connection.setNetworkTimeout(Runnable::run,
                Math.toIntExact((seconds + LedgerTimeouts.SOCKET_BACKSTOP_SECONDS) * 1000));
        return new LongerStatements(connection, previous);
    }

    @Override
    public void close() throws SQLException {
        if (raised != null) {
            raised.setNetworkTimeout(Runnable::run, previousNetworkTimeout);
        }
    }
}
