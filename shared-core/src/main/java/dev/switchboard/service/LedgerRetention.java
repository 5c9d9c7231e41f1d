package dev.switchboard.service;

import dev.switchboard.config.ConfigurationError;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * How long the ledger keeps its rows ({@value #PROPERTY}, SWITCHBOARD_LEDGER_RETENTION_DAYS): 0 keeps
 * everything; otherwise at least {@value #MIN_DAYS} days, longer than the deployments' 30 days of quality.
 * The analytics read no further back than the retention (a period of more days covers the retention's, and
 * says so), so that what {@link LedgerPurger} deletes is never missed by a figure.
 */
// @Context: a retention out of bounds stops the start, not the first analytics request.
@Context
public class LedgerRetention {

    static final String PROPERTY = "switchboard.ledger.retention-days";
    static final int MIN_DAYS = 31;

    private final int days;
    private final Clock clock;

    @Inject
    public LedgerRetention(@Value("${" + PROPERTY + ":0}") int days, Clock clock) {
        if (days != 0 && (days < MIN_DAYS || days > MetricsService.MAX_DAYS)) {
            throw new ConfigurationError(ConfigurationError.setting(PROPERTY) + ": " + days + " days; 0 keeps every "
                    + "row, otherwise " + MIN_DAYS + " to " + MetricsService.MAX_DAYS);
        }
        this.days = days;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A ledger that keeps every row. */
    public static LedgerRetention everything(Clock clock) {
        return new LedgerRetention(0, clock);
    }

    /** Whether rows are ever deleted. */
    public boolean limited() {
        return days > 0;
    }

    /** The days a period of {@code asked} days covers: all of them, or as many as the ledger keeps. */
    public int days(int asked) {
        if (asked < 1 || asked > MetricsService.MAX_DAYS) {
            throw new IllegalArgumentException("days must be between 1 and " + MetricsService.MAX_DAYS + ": " + asked);
        }
        return limited() ? Math.min(asked, days) : asked;
    }

    /** The start of the period of {@code asked} days that ends now, as far back as the ledger keeps rows. */
    public Instant since(int asked) {
        return clock.instant().minus(Duration.ofDays(days(asked)));
    }

    /** Rows created before this are due to be deleted; only when {@link #limited()}. */
    Instant cutoff() {
        if (!limited()) {
            throw new IllegalStateException("the ledger keeps every row");
        }
        return clock.instant().minus(Duration.ofDays(days));
    }
}
