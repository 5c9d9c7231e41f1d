package dev.switchboard.ledger;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LedgerEntryTest {

    private static LedgerEntry row(int tokensIn, boolean cacheHit, int cachedIn, int cacheWriteIn) {
        return new LedgerEntry("r", Instant.parse("2026-11-30T09:00:00Z"), "alice", "complete", "complexity",
                "medium", "general", 0.2, "anthropic", "claude-sonnet-4-5", tokensIn, 9, BigDecimal.ZERO,
                BigDecimal.ONE, true, 40, cacheHit, false, 1, LedgerEntry.OK, null, "standard", "anthropic/claude",
                null, null, null, true, cachedIn, cacheWriteIn);
    }

    @Test
    void promptCacheTokensArePartsOfTheInput() {
        LedgerEntry row = row(2021, false, 1700, 300);

        assertEquals(1700, row.cachedTokensIn());
        assertEquals(300, row.cacheWriteTokensIn());
        assertEquals(0, row(10, false, 0, 0).cachedTokensIn());
    }

    @Test
    void moreCachedOrWrittenTokensThanInputTokensOrANegativeCountIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> row(100, false, 90, 11));
        assertThrows(IllegalArgumentException.class, () -> row(100, false, -1, 0));
        assertThrows(IllegalArgumentException.class, () -> row(100, false, 0, -1));
        assertThrows(IllegalArgumentException.class, () -> row(Integer.MAX_VALUE, false, Integer.MAX_VALUE, 1));
    }

    @Test
    void aResponseCacheHitCalledNoProviderSoReadNoPromptCache() {
        assertThrows(IllegalArgumentException.class, () -> row(100, true, 50, 0));
        assertEquals(0, row(100, true, 0, 0).cachedTokensIn());
    }

    @Test
    void theShorterConstructorsLeaveThePromptCacheTokensAtZero() {
        LedgerEntry row = new LedgerEntry("r", Instant.EPOCH, "alice", "complete", "complexity", "medium", "general",
                0.2, null, null, 3, 0, BigDecimal.ZERO, BigDecimal.ZERO, true, 5, false, false, 1, LedgerEntry.ERROR,
                "no_provider_available");

        assertEquals(0, row.cachedTokensIn());
        assertEquals(0, row.cacheWriteTokensIn());
    }
}
