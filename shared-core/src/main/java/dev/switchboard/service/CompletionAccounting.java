package dev.switchboard.service;

import dev.switchboard.api.ComplexityMetadata;
import dev.switchboard.api.RoutingMetadata;
import dev.switchboard.cost.Cost;
import dev.switchboard.cost.CostCalculator;
import dev.switchboard.cost.TokenCounter;
import dev.switchboard.ledger.LedgerEntry;
import dev.switchboard.ledger.RequestLedger;
import dev.switchboard.provider.Usage;
import dev.switchboard.routing.Candidate;
import dev.switchboard.routing.PromptAnalysis;
import dev.switchboard.routing.RoutingDecision;
import dev.switchboard.state.DailySpendStore;
import dev.switchboard.state.StateUnavailableException;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bookkeeping after a routed call, shared by /complete and /v1/chat/completions: price the
 * answer, add it to the caller's spend for the day, write the ledger row, and describe the routing
 * for the response. A bookkeeping failure is logged and flagged, never turned into a failed answer
 * the caller has already paid for.
 */
@Singleton
public class CompletionAccounting {

    private static final Logger LOG = LoggerFactory.getLogger(CompletionAccounting.class);

    private final CostCalculator costs;
    private final DailySpendStore spend;
    private final RequestLedger ledger;
    private final TokenCounter tokens;

    public CompletionAccounting(CostCalculator costs, DailySpendStore spend, RequestLedger ledger, TokenCounter tokens) {
        this.costs = costs;
        this.spend = spend;
        this.ledger = ledger;
        this.tokens = tokens;
    }

    /** One answered request: who asked, how it was routed, who answered and after how many attempts. */
    public record Answered(String requestId, Instant started, String principal, String endpoint,
                           RoutingDecision decision, Candidate answeredBy, Usage usage, List<String> failedAttempts,
                           long latencyMs) {

        public boolean fallbackUsed() {
            return !failedAttempts.isEmpty();
        }
    }

    /** What the bookkeeping settled: the cost (null when unpriced), the day's total, and the metadata. */
    public record Settled(Double cost, Double totalToday, RoutingMetadata metadata, ComplexityMetadata complexity) {
    }

    public Settled settle(Answered a) {
        Candidate answered = a.answeredBy();
        Usage usage = a.usage();
        Cost cost = costs.cost(answered.model(), usage);
        Cost baseline = costs.baselineCost(usage);
        if (!cost.priced()) {
            LOG.warn("model {} has no price: its cost is reported as null (unpriced), not as $0", answered.model());
        }
        Double totalToday = addSpend(a.principal(), a.started(), cost);
        RoutingDecision d = a.decision();
        boolean recorded = record(new LedgerEntry(a.requestId(), a.started(), a.principal(), a.endpoint(),
                d.strategyUsed(), d.confidence().wireName(), d.analysis().pattern().wireName(),
                d.analysis().complexity(), answered.provider(), answered.model(), usage.inputTokens(),
                usage.outputTokens(), BigDecimal.valueOf(cost.usd()), BigDecimal.valueOf(baseline.usd()),
                cost.priced(), a.latencyMs(), false, a.fallbackUsed(), a.failedAttempts().size() + 1,
                LedgerEntry.OK, null));
        PromptAnalysis analysis = d.analysis();
        RoutingMetadata metadata = new RoutingMetadata(a.requestId(), analysis.pattern().wireName(),
                analysis.complexity(), d.reasoning(), d.chosen().priced() ? d.costEstimate() : null, cost.priced(),
                costs.baselineModel(), baseline.usd(), a.fallbackUsed(), a.failedAttempts(),
                d.fallbacks().stream().map(Candidate::label).toList(), a.latencyMs(), recorded, totalToday != null);
        return new Settled(cost.priced() ? cost.usd() : null, totalToday, metadata,
                new ComplexityMetadata(analysis.complexity(), analysis.tokenCount(), tokens.method(),
                        analysis.signals()));
    }

    /**
     * A request no deployment answered (or whose stream broke after it began): one ERROR row, so
     * that failures count in the analytics like answers do.
     */
    public void failed(String requestId, Instant started, String principal, String endpoint, RoutingDecision d,
                       long latencyMs, int attempts, String errorType) {
        record(new LedgerEntry(requestId, started, principal, endpoint, d.strategyUsed(), d.confidence().wireName(),
                d.analysis().pattern().wireName(), d.analysis().complexity(), null, null, d.analysis().tokenCount(),
                0, BigDecimal.ZERO, BigDecimal.ZERO, true, latencyMs, false, attempts > 1, attempts,
                LedgerEntry.ERROR, errorType));
    }

    private Double addSpend(String principal, Instant at, Cost cost) {
        try {
            LocalDate day = LocalDate.ofInstant(at, ZoneOffset.UTC);
            return spend.add(principal, day, BigDecimal.valueOf(cost.usd())).doubleValue();
        } catch (StateUnavailableException e) {
            LOG.error("shared state unavailable; spend for this request was not recorded: {}", e.getMessage());
            return null;
        }
    }

    private boolean record(LedgerEntry entry) {
        try {
            ledger.append(entry);
            return true;
        } catch (RuntimeException e) {
            LOG.error("ledger write failed for request {}: {}", entry.id(), e.getClass().getSimpleName());
            return false;
        }
    }
}
