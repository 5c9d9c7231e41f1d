package dev.switchboard.service;

import dev.switchboard.ledger.LessonTakenException;
import dev.switchboard.api.LedgerUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.util.function.Supplier;

/** The services' calls to the ledger: a ledger that cannot answer is a 503 that says so, not a 500. */
final class LedgerCalls {

    static final String ANALYTICS = "its analytics cannot be read right now";
    static final String FEEDBACK = "the feedback was not recorded";

    private static final Logger LOG = LoggerFactory.getLogger(LedgerCalls.class);

    private LedgerCalls() {
    }

    /** The analytics' reads. */
    static <T> T of(Supplier<T> query) {
        return of(query, ANALYTICS);
    }

    /** {@code call}; when the ledger fails it, a 503 saying "the ledger is unreachable; " and {@code consequence}. */
    static <T> T of(Supplier<T> call, String consequence) {
        try {
            return call.get();
        } catch (LessonTakenException answered) {
            throw answered; // the ledger answered: a refusal its caller handles, not an outage
        } catch (RuntimeException e) {
            // The class name and SQLState only: a driver's message may quote the statement and its values.
            LOG.error("ledger unavailable ({}): {} (SQLState {})", consequence, e.getClass().getSimpleName(),
                    sqlState(e));
            throw new LedgerUnavailableException("The ledger is unreachable; " + consequence);
        }
    }

    /** The SQLState of the first SQLException among the causes (28P01: the password was refused), else none. */
    static String sqlState(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return "none";
    }
}
