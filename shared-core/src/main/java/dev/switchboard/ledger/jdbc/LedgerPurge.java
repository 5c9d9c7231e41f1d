package dev.switchboard.ledger.jdbc;

import io.micronaut.data.jdbc.runtime.JdbcOperations;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * Deletes what the ledger holds from before a cutoff, oldest first and a bounded batch at a time, so that
 * each statement stays short on a large ledger: the oldest request rows with their feedback (which refers
 * to them), and the daily rollup's days, with their markers, that ended before the cutoff's day. The
 * analytics never read before the retention's cutoff (see the service's LedgerRetention), so nothing they
 * read goes. Learner checkpoints are left to their own pruning: they hold no row.
 */
final class LedgerPurge {

    private static final String OLDEST = "SELECT id FROM request_log WHERE created_at < ? ORDER BY created_at, id LIMIT ?";
    static final String FEEDBACK = "DELETE FROM feedback WHERE request_id IN (" + OLDEST + ")";
    static final String REQUESTS = "DELETE FROM request_log WHERE id IN (" + OLDEST + ")";
    static final String DAYS = "DELETE FROM request_day WHERE utc_day < ?";
    static final String MARKERS = "DELETE FROM request_day_rollup WHERE utc_day < ?";

    private final JdbcOperations jdbc;

    LedgerPurge(JdbcOperations jdbc) {
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
    }

    /**
     * Deletes up to {@code maxRows} request rows created before {@code cutoff} with their feedback, in one
     * transaction (a feedback row written meanwhile for one of them fails it, and the next batch retries),
     * and the rolled-up days before the cutoff's day. Returns how many request rows went.
     */
    int before(Instant cutoff, int maxRows) {
        if (maxRows < 1) {
            throw new IllegalArgumentException("a batch deletes at least one row");
        }
        LocalDate firstKeptDay = LocalDate.ofInstant(cutoff, ZoneOffset.UTC);
        return LedgerTransaction.run(jdbc, connection -> {
            try (PreparedStatement feedback = connection.prepareStatement(FEEDBACK);
                 PreparedStatement requests = connection.prepareStatement(REQUESTS);
                 PreparedStatement days = connection.prepareStatement(DAYS);
                 PreparedStatement markers = connection.prepareStatement(MARKERS)) {
                oldest(feedback, cutoff, maxRows).executeUpdate();
                int deleted = oldest(requests, cutoff, maxRows).executeUpdate();
                days.setObject(1, firstKeptDay);
                days.executeUpdate();
                markers.setObject(1, firstKeptDay);
                markers.executeUpdate();
                return deleted;
            }
        });
    }

    private static PreparedStatement oldest(PreparedStatement statement, Instant cutoff, int maxRows)
            throws SQLException {
        statement.setTimestamp(1, Timestamp.from(cutoff));
        statement.setInt(2, maxRows);
        return statement;
    }
}
