package dev.switchboard.ledger;

import java.time.Instant;
import java.util.List;

/** The relational record of every routed request, and the analytics queries over it. */
public interface RequestLedger {

    void append(LedgerEntry entry);

    LedgerStats stats(Instant since);

    List<StrategyStat> byStrategy(Instant since);

    List<ConfidenceStat> byConfidence(Instant since);

    List<ProviderStat> byProvider(Instant since);

    /** Cache hits and misses since {@code since}, and the baseline cost the hits avoided. */
    CacheStats cacheStats(Instant since);
}
