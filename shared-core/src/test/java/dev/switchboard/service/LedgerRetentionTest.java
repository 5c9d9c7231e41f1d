package dev.switchboard.service;

import dev.switchboard.config.ConfigurationError;
import dev.switchboard.testsupport.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LedgerRetentionTest {

    private final MutableClock clock = new MutableClock();

    @Test
    void withoutARetentionAPeriodIsAsLongAsAsked() {
        LedgerRetention everything = LedgerRetention.everything(clock);

        assertFalse(everything.limited());
        assertEquals(3650, everything.days(3650));
        assertEquals(clock.instant().minus(Duration.ofDays(400)), everything.since(400));
        assertThrows(IllegalStateException.class, everything::cutoff);
    }

    @Test
    void aPeriodReachesBackNoFurtherThanTheRowsAreKept() {
        LedgerRetention kept = new LedgerRetention(90, clock);

        assertTrue(kept.limited());
        assertEquals(7, kept.days(7));
        assertEquals(90, kept.days(365), "a longer period covers the days kept, and says so");
        assertEquals(clock.instant().minus(Duration.ofDays(90)), kept.since(365));
        assertEquals(clock.instant().minus(Duration.ofDays(90)), kept.cutoff());
    }

    @Test
    void aPeriodOfNoDayOrMoreThanTenYearsIsRefused() {
        LedgerRetention kept = new LedgerRetention(90, clock);

        assertThrows(IllegalArgumentException.class, () -> kept.days(0));
        assertThrows(IllegalArgumentException.class, () -> kept.since(MetricsService.MAX_DAYS + 1));
    }

    @Test
    void aRetentionShorterThanTheQualityWindowOrLongerThanTheLongestPeriodStopsTheStart() {
        for (int days : new int[]{-1, 1, 30, MetricsService.MAX_DAYS + 1}) {
            ConfigurationError refused = assertThrows(ConfigurationError.class, () -> new LedgerRetention(days, clock));
            assertTrue(refused.getMessage().startsWith("SWITCHBOARD_LEDGER_RETENTION_DAYS"), refused.getMessage());
        }
        assertTrue(new LedgerRetention(31, clock).limited());
    }
}
