package dev.switchboard.state;

import dev.switchboard.state.AdmissionCounter.Kind;
import dev.switchboard.state.CounterUpdate.Increment;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Window keys, period ends and expiries that both adapters rely on. */
class AdmissionCounterTest {

    private static final Instant AT = Instant.parse("2026-12-31T23:59:30.250Z");

    @Test
    void windowsAreAlignedMinutesKeyedByTheirStart() {
        AdmissionCounter minute = AdmissionCounter.at(Kind.DEPLOYMENT_MINUTE, "gpt-east", AT);

        assertEquals("rate#deployment#gpt-east", minute.partitionKey());
        assertEquals("minute#2026-12-31T23:59Z", minute.sortKey());
        assertEquals(Instant.parse("2027-01-01T00:00:00Z"), minute.periodEnd());
        assertEquals(Instant.parse("2027-01-01T00:10:00Z").getEpochSecond(), minute.expiresAtEpochSecond());
        assertEquals("rate#key#k1", AdmissionCounter.window(Refusal.RateScope.KEY, "k1", AT).partitionKey());
    }

    @Test
    void budgetsAreUtcDaysAndMonthsKeptFortyDaysAfterTheyEnd() {
        AdmissionCounter day = AdmissionCounter.budget(Refusal.BudgetPeriod.DAILY, "alice", AT);
        AdmissionCounter month = AdmissionCounter.budget(Refusal.BudgetPeriod.MONTHLY, "alice", Instant.parse("2028-02-10T08:00:00Z"));

        assertEquals("budget#alice", day.partitionKey());
        assertEquals("day#2026-12-31", day.sortKey());
        assertEquals(Instant.parse("2027-01-01T00:00:00Z"), day.periodEnd());
        assertEquals("month#2028-02", month.sortKey());
        assertEquals(Instant.parse("2028-03-01T00:00:00Z"), month.periodEnd());
        assertEquals(Instant.parse("2028-04-10T00:00:00Z").getEpochSecond(), month.expiresAtEpochSecond());
    }

    @Test
    void aFailedConditionWithoutTheOldItemStillRefusesNamingTheFirstLimit() {
        CounterUpdate update = new CounterUpdate(AdmissionCounter.at(Kind.KEY_MINUTE, "k", AT), List.of(
                new Increment(CounterMeasure.REQUESTS, BigDecimal.ONE, null),
                new Increment(CounterMeasure.TOKENS, BigDecimal.TEN, BigDecimal.valueOf(100))));

        Refusal refusal = update.refusalOfFailedCondition(Map.of(), AT);

        assertEquals(new Refusal.RateLimited(Refusal.RateScope.KEY, Refusal.RateMeasure.TOKENS, 100, 0, 10,
                Duration.ofMillis(29_750)), refusal);
    }
}
