package dev.switchboard.state;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * One counter item of admission: a scope's per-minute window or a principal's UTC day or month.
 * Both adapters key their counters by this, so they agree on windows and on when items may expire.
 *
 * <p>Rate windows are fixed, aligned minutes rather than sliding ones: a window is one item whose key
 * follows from the clock, so a reservation is one conditional ADD with no read and no clean-up. The
 * price is the boundary burst: a client may use a whole limit at 12:00:59 and another whole limit at
 * 12:01:00, so up to 2 x RPM can pass within a couple of seconds, while any aligned minute still
 * holds at most RPM. A sliding approximation (weighting the previous window) would need that
 * window's count in the condition, which an ADD's condition cannot read from another item.
 *
 * @param periodStart the first instant of the minute, UTC day or UTC month
 */
public record AdmissionCounter(Kind kind, String owner, Instant periodStart) {

    /** Minute windows outlive their minute so that a slow call's reconcile still finds them. */
    static final Duration MINUTE_KEPT_FOR = Duration.ofMinutes(10);
    /** Budget items outlive their period like the daily spend items, for look-backs and disputes. */
    static final Duration PERIOD_KEPT_FOR = Duration.ofDays(40);

    public enum Kind {
        DEPLOYMENT_MINUTE("rate#deployment#"), KEY_MINUTE("rate#key#"),
        PRINCIPAL_DAY("budget#"), PRINCIPAL_MONTH("budget#");

        private final String ownerPrefix;

        Kind(String ownerPrefix) {
            this.ownerPrefix = ownerPrefix;
        }

        /** What the partition key of every counter of this kind starts with. */
        public String partitionPrefix() {
            return ownerPrefix;
        }
    }

    public AdmissionCounter {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(periodStart, "periodStart");
    }

    /** The counter of {@code kind} for {@code owner} whose period holds {@code at}. */
    public static AdmissionCounter at(Kind kind, String owner, Instant at) {
        Instant start = switch (kind) {
            case DEPLOYMENT_MINUTE, KEY_MINUTE -> at.truncatedTo(ChronoUnit.MINUTES);
            case PRINCIPAL_DAY -> at.truncatedTo(ChronoUnit.DAYS);
            case PRINCIPAL_MONTH -> YearMonth.from(at.atOffset(ZoneOffset.UTC)).atDay(1).atStartOfDay()
                    .toInstant(ZoneOffset.UTC);
        };
        return new AdmissionCounter(kind, owner, start);
    }

    /** The window of a rate scope holding {@code at}. */
    public static AdmissionCounter window(Refusal.RateScope scope, String owner, Instant at) {
        return at(scope == Refusal.RateScope.KEY ? Kind.KEY_MINUTE : Kind.DEPLOYMENT_MINUTE, owner, at);
    }

    /** The budget period of a principal holding {@code at}. */
    public static AdmissionCounter budget(Refusal.BudgetPeriod period, String principal, Instant at) {
        return at(period == Refusal.BudgetPeriod.DAILY ? Kind.PRINCIPAL_DAY : Kind.PRINCIPAL_MONTH, principal, at);
    }

    /** The first instant after the period: when a refusal by this counter stops holding. */
    public Instant periodEnd() {
        return switch (kind) {
            case DEPLOYMENT_MINUTE, KEY_MINUTE -> periodStart.plus(Duration.ofMinutes(1));
            case PRINCIPAL_DAY -> periodStart.plus(Duration.ofDays(1));
            case PRINCIPAL_MONTH -> periodStart.atOffset(ZoneOffset.UTC).plusMonths(1).toInstant();
        };
    }

    /** When the item may go (epoch seconds, for the TTL attribute). */
    public long expiresAtEpochSecond() {
        Duration kept = kind == Kind.DEPLOYMENT_MINUTE || kind == Kind.KEY_MINUTE ? MINUTE_KEPT_FOR : PERIOD_KEPT_FOR;
        return periodEnd().plus(kept).getEpochSecond();
    }

    /** Partition key: one partition per scope or principal, e.g. {@code rate#deployment#gpt-4o-east}. */
    public String partitionKey() {
        return kind.ownerPrefix + owner;
    }

    /** Sort key: the period, e.g. {@code minute#2026-11-22T12:00Z}, {@code day#2026-11-22}, {@code month#2026-11}. */
    public String sortKey() {
        return switch (kind) {
            case DEPLOYMENT_MINUTE, KEY_MINUTE -> "minute#" + periodStart.atOffset(ZoneOffset.UTC).toLocalDateTime() + "Z";
            case PRINCIPAL_DAY -> "day#" + LocalDate.ofInstant(periodStart, ZoneOffset.UTC);
            case PRINCIPAL_MONTH -> "month#" + YearMonth.from(periodStart.atOffset(ZoneOffset.UTC));
        };
    }
}
