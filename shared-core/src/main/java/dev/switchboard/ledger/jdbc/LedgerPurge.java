package dev.switchboard.ledger.jdbc;

import io.micronaut.data.jdbc.runtime.JdbcOperations;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Deletes what the ledger holds from before a cutoff, oldest first and a bounded batch at a time, so that
 * each statement stays short on a large ledger: the oldest request rows with their feedback (which refers
 * to them), and the daily rollup's days, with their markers, that ended before the cutoff's day. A request
 * with feedback given at or after the cutoff stays, with all its feedback: the quality figures read feedback
 * by when it was given, and join its request. The analytics never read before the retention's cutoff (see
 * the service's LedgerRetention), so nothing they read goes. Learner checkpoints are left to their own
 * pruning: they hold no row.
 */
final class LedgerPurge {

    /** Ids per DELETE statement: short statements, and far below any database's limit on parameters. */
    static final int IDS_PER_STATEMENT = 500;

    static final String OLDEST = "SELECT r.id FROM request_log r WHERE r.created_at < ? AND NOT EXISTS "
            + "(SELECT 1 FROM feedback f WHERE f.request_id = r.id AND f.created_at >= ?) "
            + "ORDER BY r.created_at, r.id LIMIT ?";
    static final String OLDEST_DAY = "SELECT MIN(utc_day) FROM (SELECT utc_day FROM request_day_rollup WHERE utc_day < ?"
            + " UNION ALL SELECT utc_day FROM request_day WHERE utc_day < ?) d";

    private final JdbcOperations jdbc;

    LedgerPurge(JdbcOperations jdbc) {
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
    }

    /**
     * Deletes up to {@code maxRows} request rows created before {@code cutoff} with their feedback, in one
     * transaction, and returns how many went. The batch's ids are read once and both deletes name them, so
     * that two purges at once delete the same rows rather than fail each other; feedback written meanwhile
     * for one of them fails the transaction, and a later run, which then leaves that request, goes on.
     */
    int requestsBefore(Instant cutoff, int maxRows) {
        if (maxRows < 1) {
            throw new IllegalArgumentException("a batch deletes at least one row");
        }
        return LedgerTransaction.run(jdbc, connection -> {
            List<String> ids = oldest(connection, cutoff, maxRows);
            int deleted = 0;
            for (int from = 0; from < ids.size(); from += IDS_PER_STATEMENT) {
                List<String> chunk = ids.subList(from, Math.min(ids.size(), from + IDS_PER_STATEMENT));
                deleteByIds(connection, "DELETE FROM feedback WHERE request_id IN ", chunk);
                deleted += deleteByIds(connection, "DELETE FROM request_log WHERE id IN ", chunk);
            }
            return deleted;
        });
    }

    /**
     * Deletes the oldest rolled-up day before the cutoff's day, its request_day rows and its marker, in one
     * transaction; false when no such day is left. One day at a time: a day's rows are few, and however many
     * days a ledger turning retention on has, each statement stays short.
     */
    boolean oldestDayBefore(Instant cutoff) {
        LocalDate firstKept = LocalDate.ofInstant(cutoff, ZoneOffset.UTC);
        return LedgerTransaction.run(jdbc, connection -> {
            LocalDate day;
            try (PreparedStatement oldest = connection.prepareStatement(OLDEST_DAY)) {
                oldest.setObject(1, firstKept);
                oldest.setObject(2, firstKept);
                try (ResultSet row = oldest.executeQuery()) {
                    day = row.next() ? row.getObject(1, LocalDate.class) : null;
                }
            }
            if (day == null) {
                return false;
            }
            for (String table : new String[]{"request_day", "request_day_rollup"}) {
                try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + table + " WHERE utc_day = ?")) {
                    delete.setObject(1, day);
                    delete.executeUpdate();
                }
            }
            return true;
        });
    }

    private static List<String> oldest(Connection connection, Instant cutoff, int maxRows) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(OLDEST)) {
            select.setTimestamp(1, Timestamp.from(cutoff));
            select.setTimestamp(2, Timestamp.from(cutoff));
            select.setInt(3, maxRows);
            List<String> ids = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
            return ids;
        }
    }

    private static int deleteByIds(Connection connection, String deleteWhereIn, List<String> ids) throws SQLException {
        String placeholders = String.join(", ", Collections.nCopies(ids.size(), "?"));
        try (PreparedStatement delete = connection.prepareStatement(deleteWhereIn + "(" + placeholders + ")")) {
            for (int i = 0; i < ids.size(); i++) {
                delete.setString(i + 1, ids.get(i));
            }
            return delete.executeUpdate();
        }
    }
}
