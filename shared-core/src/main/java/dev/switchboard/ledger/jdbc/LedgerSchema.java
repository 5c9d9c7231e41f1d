package dev.switchboard.ledger.jdbc;

import dev.switchboard.config.ConfigurationError;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * What the ledger's schema history says: whether the newest migration this build carries is applied,
 * or whether the ledger could not be asked. A refusal that is a setting's fault (wrong credentials, no
 * such database) is a {@link ConfigurationError}, never "unreachable": waiting would not mend it.
 */
final class LedgerSchema {

    /** The highest {@code V<n>__} under {@code db/migration}; {@code LedgerMigrationsTest} holds the two equal. */
    static final int LATEST_VERSION = 12;

    enum State { CURRENT, BEHIND, UNREACHABLE }

    /** A state, with what kept the ledger from answering (class and SQLState) when it is UNREACHABLE. */
    record Reading(State state, String cause) {
    }

    private LedgerSchema() {
    }

    /**
     * CURRENT when the schema history records the newest migration as applied (a versioned migration or a
     * baseline; a "delete" row of {@code flyway repair} does not count); UNREACHABLE when no connection
     * can be had, or it is lost (SQLState class 08, a server shutting down: 57P01 to 57P03); BEHIND
     * otherwise: no history table (a new ledger), or any other failure to read it: Flyway then decides,
     * and reports what is wrong.
     */
    static Reading read(DataSource dataSource) {
        Connection connection;
        try {
            connection = dataSource.getConnection();
        } catch (SQLException e) {
            refuseMisconfiguration(e);
            return new Reading(State.UNREACHABLE, describe(e));
        }
        try (connection;
             Statement statement = connection.createStatement();
             ResultSet applied = statement.executeQuery(
                     "SELECT version FROM flyway_schema_history WHERE success AND version IS NOT NULL"
                             + " AND type IN ('SQL', 'JDBC', 'BASELINE')")) {
            int newest = 0;
            while (applied.next()) {
                newest = Math.max(newest, major(applied.getString(1)));
            }
            return new Reading(newest >= LATEST_VERSION ? State.CURRENT : State.BEHIND, null);
        } catch (SQLException e) {
            return connectionLost(e) ? new Reading(State.UNREACHABLE, describe(e)) : new Reading(State.BEHIND, null);
        }
    }

    /** The leading number of a Flyway version ("3", "3.1"); 0 for anything else. */
    static int major(String version) {
        int end = 0;
        while (end < version.length() && end < 9 && Character.isDigit(version.charAt(end))) {
            end++;
        }
        return end == 0 ? 0 : Integer.parseInt(version, 0, end, 10);
    }

    /** Wrong credentials (SQLState class 28) or a database that does not exist (3D): the settings' fault. */
    private static void refuseMisconfiguration(SQLException e) {
        String state = sqlState(e);
        if (state != null && (state.startsWith("28") || state.startsWith("3D"))) {
            throw new ConfigurationError("the ledger refused the connection (SQLState " + state + ": "
                    + (state.startsWith("28") ? "credentials" : "no such database") + "): check SWITCHBOARD_LEDGER_URL "
                    + "and the ledger's credentials");
        }
    }

    private static boolean connectionLost(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof SQLRecoverableException) {
                return true;
            }
        }
        String state = sqlState(e);
        return state != null && (state.startsWith("08") || state.startsWith("57P0"));
    }

    /** The first SQLState along the cause chain (HikariCP's own exception often has none). */
    static String sqlState(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    private static String describe(SQLException e) {
        String state = sqlState(e);
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (state == null ? "" : ", SQLState " + state);
    }
}
