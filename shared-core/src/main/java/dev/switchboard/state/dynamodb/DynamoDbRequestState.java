package dev.switchboard.state.dynamodb;

import dev.switchboard.provider.Sleeper;
import dev.switchboard.state.Admission;
import dev.switchboard.state.AdmissionCounter;
import dev.switchboard.state.AdmissionRequest;
import dev.switchboard.state.CacheKey;
import dev.switchboard.state.CacheSettings;
import dev.switchboard.state.CachedResponse;
import dev.switchboard.state.CounterMeasure;
import dev.switchboard.state.Refusal;
import dev.switchboard.state.RequestState;
import dev.switchboard.state.Settlement;
import dev.switchboard.state.StateLookup;
import dev.switchboard.state.StateUnavailableException;
import dev.switchboard.state.UncertainReservation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A request's state calls on DynamoDB, one round trip each: the lookup is one {@code BatchGetItem} of
 * the day's budget item and the cache item; the reservation one transaction; the settling one
 * transaction holding the reconcile's differences, the latency record's ADD and the cached answer's
 * Put. A cache hit costs one call; a request answered by its first candidate three. The cache is
 * advice: a cache table DynamoDB refuses costs a miss and one more read, never the request.
 *
 * <p>Reads are eventually consistent: the day's total is reported, never enforced (the reservation
 * enforces), and a cache entry a fraction of a second old is as good as a fresh one.
 */
public final class DynamoDbRequestState implements RequestState {

    private static final Logger LOG = LoggerFactory.getLogger(DynamoDbRequestState.class);

    private final DynamoDbClient dynamo;
    private final String stateTable;
    private final String cacheTable;
    private final DynamoDbAdmissionStore admission;
    private final DynamoDbLatencyStore latency;
    private final CacheSettings cache;
    private final Clock clock;
    private final Sleeper sleeper;
    /** The cache entry written on its own, when its settlement's transaction could not carry it. */
    private final DynamoDbResponseCache responses;

    public DynamoDbRequestState(DynamoDbClient dynamo, String tablePrefix, DynamoDbAdmissionStore admission,
                                DynamoDbLatencyStore latency, CacheSettings cache, Clock clock, Sleeper sleeper) {
        this.dynamo = dynamo;
        this.stateTable = SwitchboardTables.STATE.physicalName(tablePrefix);
        this.cacheTable = SwitchboardTables.CACHE.physicalName(tablePrefix);
        this.admission = admission;
        this.latency = latency;
        this.cache = cache;
        this.clock = clock;
        this.sleeper = sleeper;
        this.responses = new DynamoDbResponseCache(dynamo, tablePrefix, cache, clock);
    }

    @Override
    public StateLookup lookup(String principal, Instant at, CacheKey cacheKey) {
        Map<String, AttributeValue> dayKey = AdmissionItems.key(AdmissionCounter.budget(Refusal.BudgetPeriod.DAILY,
                principal, at));
        Map<String, KeysAndAttributes> wanted = new HashMap<>();
        wanted.put(stateTable, KeysAndAttributes.builder().keys(List.of(dayKey)).build());
        if (cacheKey != null) {
            wanted.put(cacheTable, KeysAndAttributes.builder().keys(List.of(CacheItems.key(cacheKey))).build());
        }
        BatchGets.TablesRead read = BatchGets.readTables(dynamo, wanted, sleeper, "a request's spend and cache entry");
        StateUnavailableException e = read.failure();
        if (e != null && cacheKey != null && read.pendingTables().equals(Set.of(cacheTable))) {
            // The spend was read; only the cache entry was not (one hot entry throttled): a miss.
            LOG.warn("the response cache could not be read ({}); the request goes on as a cache miss", e.getMessage());
            return new StateLookup(spentIn(read.items()), null);
        }
        if (e != null) {
            if (cacheKey == null || !cacheMayBeAlone(e)) {
                throw e;
            }
            // The cache is advice: a cache table DynamoDB refuses (throttled on one hot entry, missing, not
            // granted) makes a miss, not a refused request. The spend is asked again alone; if that fails
            // too, the state table is what is down.
            LOG.warn("the response cache could not be read ({}); the request goes on as a cache miss",
                    e.getMessage());
            return lookup(principal, at, null);
        }
        CachedResponse cached = read.items().getOrDefault(cacheTable, List.of()).stream().findFirst()
                .flatMap(item -> CacheItems.parse(item, clock.instant())).orElse(null);
        return new StateLookup(spentIn(read.items()), cached);
    }

    /** The day's spend among the items read (none read: nothing spent yet). */
    private BigDecimal spentIn(Map<String, List<Map<String, AttributeValue>>> items) {
        return items.getOrDefault(stateTable, List.of()).stream().findFirst()
                .map(item -> AdmissionItems.measures(item).getOrDefault(CounterMeasure.SPENT_USD, BigDecimal.ZERO))
                .orElse(BigDecimal.ZERO);
    }

    /**
     * True when the read may have failed for the cache table alone: keys left unprocessed (a hot entry
     * throttled), or a table refused (missing, not granted). A 5xx, an outage or a throttled state table
     * would fail the spend's own read too, and is not asked again.
     */
    private static boolean cacheMayBeAlone(StateUnavailableException e) {
        return e.getCause() == null || DynamoDbRefusals.tableRefused(e.getCause());
    }

    @Override
    public Admission reserve(AdmissionRequest request) {
        return admission.reserve(request);
    }

    @Override
    public void settle(Settlement s) {
        List<TransactWriteItem> also = new ArrayList<>(2);
        if (s.recordsLatency()) {
            also.add(TransactWriteItem.builder()
                    .update(latency.recording(s.deployment(), s.latency(), s.success(), s.endedAt())).build());
        }
        if (s.caches()) {
            cacheItem(s.cacheKey(), s.answer()).ifPresent(also::add);
        }
        try {
            admission.reconcileWith(s.reservation(), s.actualTokens(), s.actualCostUsd(), also, s.deployment());
        } catch (StateUnavailableException e) {
            // A transaction DynamoDB cancelled or refused (a cache table missing or not granted) wrote nothing:
            // the reconcile (money) goes again alone, without the latency and cache writes (advice), so that
            // their trouble never leaves a reservation at its estimate.
            if (also.isEmpty() || s.reservation() == null || !refusedWhole(e)) {
                throw e;
            }
            LOG.warn("settling with the latency record and cache entry was refused; reconciling alone: {}",
                    e.getMessage());
            admission.reconcileWith(s.reservation(), s.actualTokens(), s.actualCostUsd(), List.of(), s.deployment());
            writeAdviceAlone(s);
        }
    }

    /** True when DynamoDB's answer proves that nothing of the transaction landed (see {@link DynamoDbRefusals}). */
    private static boolean refusedWhole(StateUnavailableException e) {
        return DynamoDbRefusals.transactionRefusedWhole(e.getCause());
    }

    /**
     * The latency record and the cache entry of a settlement whose transaction was cancelled or refused
     * (most often for conflicts with the same deployment's other settlements on its latency item), each written on
     * its own: a plain ADD is refused too while a transaction holds its item, so the latency record tries other
     * shards of the deployment's latency (see {@link DynamoDbLatencyStore#record}). Advice: a failure is logged,
     * never thrown, since the money is settled.
     */
    private void writeAdviceAlone(Settlement s) {
        if (s.recordsLatency()) {
            try {
                latency.record(s.deployment(), s.latency(), s.success(), s.endedAt());
            } catch (RuntimeException e) {
                LOG.warn("the latency record of a settlement was not written: {}", e.getMessage());
            }
        }
        if (s.caches()) {
            try {
                responses.put(s.cacheKey(), s.answer());
            } catch (RuntimeException e) {
                LOG.warn("the cache entry of a settlement was not written: {}", e.getMessage());
            }
        }
    }

    private Optional<TransactWriteItem> cacheItem(CacheKey key, CachedResponse answer) {
        Optional<Map<String, AttributeValue>> item = CacheItems.item(key, answer, answer.storedAt().plus(cache.ttl()),
                cache);
        if (item.isEmpty()) {
            LOG.info("answer too large for the response cache even compressed; not cached");
        }
        return item.map(i -> TransactWriteItem.builder().put(Put.builder().tableName(cacheTable).item(i).build())
                .build());
    }

    @Override
    public void releaseUncertain(UncertainReservation uncertain) {
        admission.releaseUncertain(uncertain);
    }
}
