package dev.switchboard.ledger.jdbc;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The ledger's data source with no limit on a statement or a read of its answer, for the migrations:
 * the pool's connections carry limits sized for requests and analytics (see {@link LedgerTimeouts}), and
 * building an index on a large table may take longer. The pool resets the read limit when a connection
 * comes back to it; the statement limit is a session setting it does not reset, so the migrations'
 * connections are evicted from the pool once they are done ({@link LedgerMigrations}).
 */
final class UnboundedReadsDataSource implements DataSource {

    private final DataSource pooled;

    UnboundedReadsDataSource(DataSource pooled) {
        this.pooled = pooled;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return unbounded(pooled.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return unbounded(pooled.getConnection(username, password));
    }

    private static Connection unbounded(Connection connection) throws SQLException {
        try {
            connection.setNetworkTimeout(Runnable::run, 0);
        } catch (SQLFeatureNotSupportedException notNeeded) {
            // A driver without network timeouts (H2 in process) has none to lift.
        }
        if ("PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET statement_timeout = 0");
            }
        }
        return connection;
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return pooled.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        pooled.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        pooled.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return pooled.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return pooled.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return type.isInstance(this) ? type.cast(this) : pooled.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || pooled.isWrapperFor(type);
    }
}
