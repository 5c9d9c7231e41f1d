package dev.switchboard.ledger.jdbc;

import dev.switchboard.ledger.CacheStats;
import dev.switchboard.ledger.ConfidenceStat;
import dev.switchboard.ledger.LedgerEntry;
import dev.switchboard.ledger.LedgerStats;
import dev.switchboard.ledger.ProviderStat;
import dev.switchboard.ledger.RequestLedger;
import dev.switchboard.ledger.StrategyStat;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.List;

/** The ledger on a JDBC database through Micronaut Data. */
@Singleton
public class JdbcRequestLedger implements RequestLedger {

    private final RequestRecordRepository repository;

    public JdbcRequestLedger(RequestRecordRepository repository) {
        this.repository = repository;
    }

    @Override
    public void append(LedgerEntry e) {
        repository.save(new RequestRecord(e.id(), e.createdAt(), e.principal(), e.endpoint(), e.strategy(),
                e.confidence(), e.pattern(), e.complexity(), e.provider(), e.model(), e.tokensIn(), e.tokensOut(),
                e.cost(), e.baselineCost(), e.priced(), e.latencyMs(), e.cacheHit(), e.fallbackUsed(),
                e.attempts(), e.status(), e.errorType()));
    }

    @Override
    public LedgerStats stats(Instant since) {
        return repository.stats(since);
    }

    @Override
    public List<StrategyStat> byStrategy(Instant since) {
        return repository.byStrategy(since);
    }

    @Override
    public List<ConfidenceStat> byConfidence(Instant since) {
        return repository.byConfidence(since);
    }

    @Override
    public List<ProviderStat> byProvider(Instant since) {
        return repository.byProvider(since);
    }

    @Override
    public CacheStats cacheStats(Instant since) {
        return repository.cacheStats(since);
    }
}
