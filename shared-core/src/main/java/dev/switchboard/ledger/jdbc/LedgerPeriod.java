package dev.switchboard.ledger.jdbc;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Where an analytics query reads the period from {@code since} on: the rolled-up days
 * [{@code fromDay}, {@code toDay}) from request_day, and the rest, before {@code fromDay} and from
 * {@code toDay} on, from request_log. With no rolled day, {@code fromDay} equals {@code toDay} and
 * request_log serves the whole period.
 */
record LedgerPeriod(Instant since, LocalDate fromDay, LocalDate toDay) {

    LedgerPeriod {
        if (toDay.isBefore(fromDay)) {
            throw new IllegalArgumentException("a period's rolled days end before they start");
        }
    }

    /** The whole period from request_log. */
    static LedgerPeriod raw(Instant since) {
        LocalDate day = LocalDate.ofInstant(since, ZoneOffset.UTC);
        return new LedgerPeriod(since, day, day);
    }

    boolean rolled() {
        return fromDay.isBefore(toDay);
    }

    /** Where request_log's part before the rolled days ends. */
    Instant rolledFrom() {
        return rolled() ? start(fromDay) : since;
    }

    /** Where request_log's part after the rolled days starts. */
    Instant rolledTo() {
        return rolled() ? start(toDay) : since;
    }

    static Instant start(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
