package dev.switchboard.service;

import dev.switchboard.api.LedgerUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.util.function.Supplier;

/** The analytics' reads of the ledger: a ledger that cannot answer is a 503 that says so, not a 500. */
final class LedgerReads {

    private static final Logger LOG = LoggerFactory.getLogger(LedgerReads.class);

    private LedgerReads() {
    }

    static <T> T of(Supplier<T> query) {
        try {
            return query.get();
        } catch (RuntimeException e) {
            // The class name and SQLState only: a driver's message may quote the statement and its values.
            LOG.error("ledger unavailable for analytics: {} (SQLState {})", e.getClass().getSimpleName(),
                    sqlState(e));
            throw new LedgerUnavailableException("The ledger is unreachable; its analytics cannot be read right now");
        }
    }

    /** The SQLState of the first SQLException among the causes (28P01: the password was refused), else none. */
    private static String sqlState(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return "none";
    }
}
