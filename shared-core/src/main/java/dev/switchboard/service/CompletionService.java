package dev.switchboard.service;

import dev.switchboard.api.DeploymentsFailedException;
import dev.switchboard.api.CompleteRequest;
import dev.switchboard.api.CompleteResponse;
import dev.switchboard.api.ComplexityMetadata;
import dev.switchboard.api.RoutingMetadata;
import dev.switchboard.cost.Cost;
import dev.switchboard.cost.CostCalculator;
import dev.switchboard.cost.TokenCounter;
import dev.switchboard.ledger.LedgerEntry;
import dev.switchboard.ledger.RequestLedger;
import dev.switchboard.provider.ChatMessage;
import dev.switchboard.provider.ChatRequest;
import dev.switchboard.provider.Usage;
import dev.switchboard.routing.Candidate;
import dev.switchboard.routing.PromptAnalysis;
import dev.switchboard.routing.RoutingDecision;
import dev.switchboard.state.DailySpendStore;
import dev.switchboard.state.StateUnavailableException;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * POST /complete: route the prompt, call the chosen deployment (falling back down the ranking),
 * price the answer, add it to the caller's spend for the day, write the ledger row, and answer
 * with seed 001's fields. Bookkeeping failures are logged and flagged, never turned into a failed
 * answer the caller has already paid for.
 */
@Singleton
public class CompletionService {

    private static final Logger LOG = LoggerFactory.getLogger(CompletionService.class);
    static final String ENDPOINT = "complete";
    /** Whose spend a request counts against while authentication is off. */
    public static final String ANONYMOUS = "anonymous";

    private final DecisionService decisions;
    private final ProviderCallChain chain;
    private final CostCalculator costs;
    private final DailySpendStore spend;
    private final RequestLedger ledger;
    private final TokenCounter tokens;
    private final RequestIds ids;
    private final Clock clock;

    public CompletionService(DecisionService decisions, ProviderCallChain chain, CostCalculator costs,
                             DailySpendStore spend, RequestLedger ledger, TokenCounter tokens,
                             RequestIds ids, Clock clock) {
        this.decisions = decisions;
        this.chain = chain;
        this.costs = costs;
        this.spend = spend;
        this.ledger = ledger;
        this.tokens = tokens;
        this.ids = ids;
        this.clock = clock;
    }

    public CompleteResponse complete(CompleteRequest request, String principal) {
        String requestId = ids.next();
        Instant started = clock.instant();
        RoutingDecision decision = decisions.decide(request.prompt(), request.maxTokens(), request.autoRoute(),
                request.routing());
        ProviderCallChain.Outcome outcome;
        try {
            outcome = chain.call(decision.ranked(), candidate -> new ChatRequest(candidate.model(),
                    List.of(ChatMessage.user(request.prompt())), request.maxTokens()));
        } catch (DeploymentsFailedException e) {
            long latency = clock.millis() - started.toEpochMilli();
            record(failure(requestId, started, principal, decision, latency, e));
            throw e;
        }
        long latencyMs = clock.millis() - started.toEpochMilli();
        Candidate answered = outcome.answeredBy();
        Usage usage = outcome.response().usage();
        Cost cost = costs.cost(answered.model(), usage.inputTokens(), usage.outputTokens());
        Cost baseline = costs.baselineCost(usage.inputTokens(), usage.outputTokens());
        if (!cost.priced()) {
            LOG.warn("model {} has no price: its cost is reported as null (unpriced), not as $0", answered.model());
        }
        Double totalToday = addSpend(principal, started, cost);
        boolean recorded = record(new LedgerEntry(requestId, started, principal, ENDPOINT, decision.strategyUsed(),
                decision.confidence().wireName(), decision.analysis().pattern().wireName(),
                decision.analysis().complexity(), answered.provider(), answered.model(), usage.inputTokens(),
                usage.outputTokens(), BigDecimal.valueOf(cost.usd()), BigDecimal.valueOf(baseline.usd()),
                cost.priced(), latencyMs, false, outcome.fallbackUsed(), outcome.failedAttempts().size() + 1,
                LedgerEntry.OK, null));
        PromptAnalysis analysis = decision.analysis();
        return new CompleteResponse(outcome.response().text(), answered.provider(), answered.model(),
                decision.strategyUsed(), decision.confidence().wireName(),
                new ComplexityMetadata(analysis.complexity(), analysis.tokenCount(), tokens.method(), analysis.signals()),
                usage.inputTokens(), usage.outputTokens(), cost.priced() ? cost.usd() : null, totalToday, false,
                new RoutingMetadata(requestId, analysis.pattern().wireName(), analysis.complexity(),
                        decision.reasoning(), decision.chosen().priced() ? decision.costEstimate() : null,
                        cost.priced(), costs.baselineModel(), baseline.usd(), outcome.fallbackUsed(),
                        outcome.failedAttempts(), decision.fallbacks().stream().map(Candidate::label).toList(),
                        latencyMs, recorded, totalToday != null));
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

    private static LedgerEntry failure(String id, Instant at, String principal, RoutingDecision d, long latencyMs,
                                       DeploymentsFailedException e) {
        int attempts = e.tried().size();
        return new LedgerEntry(id, at, principal, ENDPOINT, d.strategyUsed(), d.confidence().wireName(),
                d.analysis().pattern().wireName(), d.analysis().complexity(), null, null, d.analysis().tokenCount(),
                0, BigDecimal.ZERO, BigDecimal.ZERO, true, latencyMs, false, attempts > 1, attempts,
                LedgerEntry.ERROR, e.type());
    }
}
