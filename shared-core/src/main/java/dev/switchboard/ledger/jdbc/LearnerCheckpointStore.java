package dev.switchboard.ledger.jdbc;

import dev.switchboard.ledger.LearnerCheckpoint;
import io.micronaut.data.jdbc.runtime.JdbcOperations;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/** learner_checkpoint (V8): the learner's saved states, the state in base64 so that both databases keep it as text. */
final class LearnerCheckpointStore {

    /** How far behind a new checkpoint the old ones are kept: one bad save must not leave nothing to start from. */
    static final Duration KEPT = Duration.ofDays(1);
    static final Duration KEPT_OF_OTHER_ORIGINS = Duration.ofDays(30);

    private final JdbcOperations jdbc;

    LearnerCheckpointStore(JdbcOperations jdbc) {
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
    }

    Optional<LearnerCheckpoint> newest(String origin) {
        return jdbc.execute(connection -> {
            try (PreparedStatement read = connection.prepareStatement("SELECT id, created_at, after_at, after_id, "
                    + "lessons, origin, state FROM learner_checkpoint WHERE origin = ? "
                    + "ORDER BY after_at DESC, after_id DESC LIMIT 1")) {
                read.setString(1, origin);
                try (ResultSet row = read.executeQuery()) {
                    if (!row.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new LearnerCheckpoint(row.getString(1), row.getTimestamp(2).toInstant(),
                            row.getTimestamp(3).toInstant(), row.getString(4), row.getLong(5), row.getString(6),
                            Base64.getDecoder().decode(row.getString(7))));
                }
            }
        });
    }

    void save(LearnerCheckpoint checkpoint) {
        LedgerTransaction.run(jdbc, connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO learner_checkpoint (id, "
                    + "created_at, after_at, after_id, lessons, origin, state) VALUES (?, ?, ?, ?, ?, ?, ?)");
                 PreparedStatement prune = connection.prepareStatement(
                         "DELETE FROM learner_checkpoint WHERE (after_at < ? AND origin = ?) OR after_at < ?")) {
                insert.setString(1, checkpoint.id());
                insert.setTimestamp(2, Timestamp.from(checkpoint.createdAt()));
                insert.setTimestamp(3, Timestamp.from(checkpoint.afterAt()));
                insert.setString(4, checkpoint.afterId());
                insert.setLong(5, checkpoint.lessons());
                insert.setString(6, checkpoint.origin());
                insert.setString(7, Base64.getEncoder().encodeToString(checkpoint.state()));
                insert.executeUpdate();
                // Its own origin's a day behind; another's (a deployment sharing the ledger from another starting
                // state keeps its own) only once a month behind, when that origin is likely out of use.
                prune.setTimestamp(1, Timestamp.from(checkpoint.afterAt().minus(KEPT)));
                prune.setString(2, checkpoint.origin());
                prune.setTimestamp(3, Timestamp.from(checkpoint.afterAt().minus(KEPT_OF_OTHER_ORIGINS)));
                return prune.executeUpdate();
            }
        });
    }
}
