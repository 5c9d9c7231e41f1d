package dev.switchboard.ledger.jdbc;

import dev.switchboard.ledger.LedgerEntry;
import io.micronaut.data.jdbc.runtime.JdbcOperations;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Inserts request_log rows with one prepared statement on a connection of Micronaut Data's
 * {@link JdbcOperations}, binding each column directly. The repository's {@code save} resolved every
 * column through bean introspection and type conversion on each call, about as much CPU as the
 * database's own insert on the request path; reads and aggregates stay on the repository. Values are
 * bound as Micronaut Data binds them (an Instant as a {@link Timestamp}), so both read the same rows.
 */
final class RequestRowInsert {

    static final String SQL = "INSERT INTO request_log (id, created_at, principal, endpoint, strategy, confidence, "
            + "pattern, complexity, provider, model, tokens_in, tokens_out, cost, baseline_cost, priced, latency_ms, "
            + "cache_hit, fallback_used, attempts, status, error_type, tier, first_choice, learner_features, "
            + "learner_outcome, learner_note, cache_asked, cached_tokens_in, cache_write_tokens_in, first_chunk_ms, "
            + "lesson_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
            + "?, ?)";

    private final JdbcOperations jdbc;

    RequestRowInsert(JdbcOperations jdbc) {
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
    }

    /** Inserts one row; throws (a DataAccessException) when it is refused, a duplicate id included. */
    void one(LedgerEntry row) {
        jdbc.execute(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(SQL)) {
                bind(insert, row, row.createdAt());
                expectOneRow(insert.executeUpdate());
            }
            return null;
        });
    }

    /**
     * Inserts the rows in one batch, in one transaction: all of them land, or (when any is refused)
     * none, so that writing them again one by one meets no row of the failed batch.
     */
    void all(List<LedgerEntry> rows) {
        LedgerTransaction.run(jdbc, connection -> {
            insertBatch(connection, rows, null);
            return null;
        });
    }

    /**
     * Inserts one row written late, its lesson (if it teaches) dated {@code writtenAt}, and does {@code alongside}
     * in the same transaction: both happen, or neither.
     */
    void lateWith(LedgerEntry row, Instant writtenAt, LedgerTransaction.Work<?> alongside) {
        LedgerTransaction.run(jdbc, connection -> {
            insertBatch(connection, List.of(row), writtenAt);
            return alongside.run(connection);
        });
    }

    /** {@code lessonAt} null: each row's lesson dated by its own creation, as for a row written at once. */
    private static void insertBatch(Connection connection, List<LedgerEntry> rows, Instant lessonAt)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(SQL)) {
            for (LedgerEntry row : rows) {
                bind(insert, row, lessonAt == null ? row.createdAt() : lessonAt);
                insert.addBatch();
            }
            for (int count : insert.executeBatch()) {
                // SUCCESS_NO_INFO: the driver ran the row but does not say how many it changed.
                if (count != Statement.SUCCESS_NO_INFO) {
                    expectOneRow(count);
                }
            }
        }
    }

    private static void expectOneRow(int count) throws SQLException {
        if (count != 1) {
            throw new SQLException("a request_log insert changed " + count + " rows instead of 1");
        }
    }

    /** {@code lessonAt}: when the row's lesson, if it teaches one, is read by the learners (V12's lesson_at). */
    static void bind(PreparedStatement s, LedgerEntry e, Instant lessonAt) throws SQLException {
        s.setString(1, e.id());
        s.setTimestamp(2, Timestamp.from(e.createdAt()));
        s.setString(3, e.principal());
        s.setString(4, e.endpoint());
        s.setString(5, e.strategy());
        s.setString(6, e.confidence());
        s.setString(7, e.pattern());
        s.setDouble(8, e.complexity());
        nullableText(s, 9, e.provider());
        nullableText(s, 10, e.model());
        s.setInt(11, e.tokensIn());
        s.setInt(12, e.tokensOut());
        s.setBigDecimal(13, e.cost());
        s.setBigDecimal(14, e.baselineCost());
        s.setBoolean(15, e.priced());
        s.setLong(16, e.latencyMs());
        s.setBoolean(17, e.cacheHit());
        s.setBoolean(18, e.fallbackUsed());
        s.setInt(19, e.attempts());
        s.setString(20, e.status());
        nullableText(s, 21, e.errorType());
        nullableText(s, 22, e.tier());
        nullableText(s, 23, e.firstChoice());
        nullableText(s, 24, e.learnerFeatures());
        nullableText(s, 25, e.learnerOutcome());
        nullableText(s, 26, e.learnerNote());
        if (e.cacheAsked() == null) {
            s.setNull(27, Types.BOOLEAN);
        } else {
            s.setBoolean(27, e.cacheAsked());
        }
        s.setInt(28, e.cachedTokensIn());
        s.setInt(29, e.cacheWriteTokensIn());
        if (e.firstChunkMs() == null) {
            s.setNull(30, Types.BIGINT);
        } else {
            s.setLong(30, e.firstChunkMs());
        }
        if (e.learnerOutcome() == null) {
            s.setNull(31, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            s.setTimestamp(31, Timestamp.from(lessonAt));
        }
    }

    private static void nullableText(PreparedStatement s, int index, String value) throws SQLException {
        if (value == null) {
            s.setNull(index, Types.VARCHAR);
        } else {
            s.setString(index, value);
        }
    }
}
