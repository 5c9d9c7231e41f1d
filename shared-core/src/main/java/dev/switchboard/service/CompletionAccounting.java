package dev.switchboard.service;

import dev.switchboard.api.ComplexityMetadata;
import dev.switchboard.api.RoutingMetadata;
import dev.switchboard.cost.Cost;
import dev.switchboard.cost.CostCalculator;
import dev.switchboard.cost.TokenCounter;
import dev.switchboard.ledger.LedgerEntry;
import dev.switchboard.observability.RequestObserver;
import dev.switchboard.provider.ChatRequest;
import dev.switchboard.provider.ChatResponse;
import dev.switchboard.provider.Usage;
import dev.switchboard.provider.UsageEstimate;
import dev.switchboard.routing.Candidate;
import dev.switchboard.routing.PromptAnalysis;
import dev.switchboard.routing.RoutingDecision;
import dev.switchboard.state.CacheKey;
import dev.switchboard.state.CachedResponse;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bookkeeping after a routed call, shared by /complete and /v1/chat/completions: price the
 * answer, settle the request's admission with it (its reservation becomes the real cost and usage,
 * and the call's latency is recorded), write the ledger row, and describe the routing for the response. A bookkeeping failure is logged and flagged, never turned into a failed answer
 * the caller has already paid for. An answer that is an {@link ObservedFailure} goes to the caller as it
 * is; its row records the lesson, which the learners take from the ledger like feedback's.
 */
@Singleton
public class CompletionAccounting {

    /** The error type of a request that failed inside the gateway, as its 500 answer names it. */
    public static final String INTERNAL_ERROR = "internal_error";

    private static final Logger LOG = LoggerFactory.getLogger(CompletionAccounting.class);

    private final CostCalculator costs;
    private final LedgerWriter ledger;
    private final TokenCounter tokens;
    private final RequestObserver observer;
    private final JsonMapper json;
    /** The chosen deployment's feedback quality for the metadata; null where no ledger is read for it. */
    private final DeploymentQuality quality;

    public CompletionAccounting(CostCalculator costs, LedgerWriter ledger, TokenCounter tokens) {
        this(costs, ledger, tokens, RequestObserver.withoutMetrics());
    }

    public CompletionAccounting(CostCalculator costs, LedgerWriter ledger, TokenCounter tokens,
                                RequestObserver observer) {
        this(costs, ledger, tokens, observer, JsonMapper.createDefault(), null);
    }

    @Inject
    public CompletionAccounting(CostCalculator costs, LedgerWriter ledger, TokenCounter tokens,
                                RequestObserver observer, JsonMapper json, DeploymentQuality quality) {
        this.costs = costs;
        this.ledger = ledger;
        this.tokens = tokens;
        this.observer = observer;
        this.json = json;
        this.quality = quality;
    }

    private Double qualityOf(RoutingDecision d) {
        return quality == null ? null : quality.asLastRead(d.chosen().provider(), d.chosen().model());
    }

    /**
     * One answered request: who asked, how it was routed, who answered and after how many attempts, its
     * admission, and its principal's spend today before it (null when the state could not say).
     * {@code answer} is the whole answer to cache (null for a stream); {@code delivered} what the caller
     * got, a stream's assembled, which is checked for an {@link ObservedFailure}; {@code firstChunkMs} when a
     * stream's first chunk went to the caller, from the request's arrival (null for a whole answer).
     */
    public record Answered(String requestId, Instant started, String principal, String endpoint,
                           RoutingDecision decision, Candidate answeredBy, Usage usage, List<String> failedAttempts,
                           long latencyMs, Duration beforeAnsweringTry, RequestAdmission admission,
                           BigDecimal spentBefore, CacheKey cacheKey, ChatResponse answer, DeliveredAnswer delivered,
                           Long firstChunkMs) {

        public Answered {
            Objects.requireNonNull(beforeAnsweringTry, "beforeAnsweringTry");
            Objects.requireNonNull(delivered, "delivered");
        }

        public boolean fallbackUsed() {
            return !failedAttempts.isEmpty();
        }
    }

    /** What the bookkeeping settled: the cost (null when unpriced), the day's total, and the metadata. */
    public record Settled(Double cost, Double totalToday, RoutingMetadata metadata, ComplexityMetadata complexity) {
    }

    /**
     * A streamed answer that ended before its last chunk, because it broke off or because its caller
     * went away: who streamed it, the request that deployment got, and the text it had written so far.
     */
    public record Unfinished(String requestId, Instant started, String principal, String endpoint,
                             RoutingDecision decision, Candidate streamedBy, ChatRequest request, String textSoFar,
                             String hiddenSoFar, Usage reportedSoFar, int attempts, long latencyMs, String errorType,
                             RequestAdmission admission, boolean deploymentFailed, Long firstChunkMs) {

        public Unfinished {
            Objects.requireNonNull(requestId, "requestId");
            Objects.requireNonNull(started, "started");
            Objects.requireNonNull(decision, "decision");
            Objects.requireNonNull(streamedBy, "streamedBy");
            Objects.requireNonNull(request, "request");
            Objects.requireNonNull(textSoFar, "textSoFar");
            Objects.requireNonNull(hiddenSoFar, "hiddenSoFar");
            Objects.requireNonNull(errorType, "errorType");
            Objects.requireNonNull(admission, "admission");
            if (attempts < 1) {
                throw new IllegalArgumentException("an unfinished stream took at least one attempt");
            }
        }
    }

    public Settled settle(Answered a) {
        Candidate answered = a.answeredBy();
        Usage usage = a.usage();
        Cost cost = price(answered, usage);
        Cost baseline = costs.baselineCost(usage);
        RoutingDecision d = a.decision();
        String features = LearnerFeatureText.of(d.analysis()); // once: 22 doubles written as text is not cheap
        ObservedFailure observed = ObservedFailure.judge(answered.tier(), features, a.delivered(), json).orElse(null);
        // An answer judged unusable is not cached: the same request again gets a fresh call (routed by a
        // learner that has just been told), not the same unusable answer until the entry expires.
        CacheKey cacheKey = a.cacheKey() != null && observed == null && a.delivered().worthCaching(json)
                ? a.cacheKey() : null;
        a.admission().answered(answered, a.beforeAnsweringTry(), usage, cost, cacheKey, cacheKey == null ? null
                : new CachedResponse(answered.provider(), ResponseCaching.asDeployment(a.answer(), answered),
                        a.started().plusMillis(a.latencyMs()),
                        cost.priced() ? BigDecimal.valueOf(cost.usd()) : null));
        Double totalToday = a.spentBefore() == null ? null
                : a.spentBefore().add(BigDecimal.valueOf(cost.priced() ? cost.usd() : 0)).doubleValue();
        boolean recorded = record(row(a.requestId(), a.started(), a.principal(), a.endpoint(), d, answered, usage,
                cost, baseline, a.latencyMs(), a.failedAttempts().size() + 1, null, false, features, observed,
                a.cacheKey() != null, a.firstChunkMs()));
        PromptAnalysis analysis = d.analysis();
        RoutingMetadata metadata = new RoutingMetadata(a.requestId(), analysis.pattern().wireName(),
                analysis.complexity(), d.reasoning(), qualityOf(d), d.chosen().priced() ? d.costEstimate() : null,
                cost.priced(), d.validation().wireName(), costs.baselineModel(), baseline.usd(), a.fallbackUsed(), a.failedAttempts(),
                d.fallbacks().stream().map(Candidate::label).toList(), a.latencyMs(), recorded, totalToday != null,
                a.answer() == null ? null : a.answer().model());
        return new Settled(cost.priced() ? cost.usd() : null, totalToday, metadata,
                new ComplexityMetadata(analysis.complexity(), analysis.tokenCount(), tokens.method(),
                        analysis.signals()));
    }

    /**
     * A request the response cache answered: free, so nothing is spent; its row says what the baseline
     * model would have cost, which is what the hit saved. {@code spentToday} is the principal's day so
     * far (null when unknown). It teaches the learner nothing: no deployment answered it just now.
     */
    public Settled cacheHit(String requestId, Instant started, String principal, String endpoint, RoutingDecision d,
                            CachedResponse hit, long latencyMs, BigDecimal spentToday) {
        // The answer's own token counts, but no prompt-cache use: no provider was called for it now, and the
        // baseline it saved is a call of the whole prompt, not one with the original call's cache discount.
        Usage noProviderCall = hit.response().usage().withoutPromptCache();
        Cost baseline = costs.baselineCost(noProviderCall);
        boolean recorded = record(row(requestId, started, principal, endpoint, d, hit.provider(),
                hit.response().model(), tierOf(d, hit.provider(), hit.response().model()), noProviderCall, Cost.ZERO, baseline,
                latencyMs, 0, null, true, LearnerFeatureText.of(d.analysis()), null, true, null));
        PromptAnalysis analysis = d.analysis();
        RoutingMetadata metadata = new RoutingMetadata(requestId, analysis.pattern().wireName(),
                analysis.complexity(), "Answered from the response cache (stored " + hit.storedAt()
                + "); no provider was called", qualityOf(d), 0.0, true, d.validation().wireName(),
                costs.baselineModel(), baseline.usd(), false, List.of(),
                List.of(), latencyMs, recorded, spentToday != null, null);
        return new Settled(0.0, spentToday == null ? null : spentToday.doubleValue(), metadata,
                new ComplexityMetadata(analysis.complexity(), analysis.tokenCount(), tokens.method(),
                        analysis.signals()));
    }

    /**
     * A request that failed inside the gateway rather than at a provider (a bug, an answer that could not
     * be written): one ERROR row all the same, and {@code failure} back for the caller to throw. A failure
     * of this bookkeeping is added to it rather than thrown in its place.
     */
    public RuntimeException unexpected(RuntimeException failure, String requestId, Instant started, String principal,
                                       String endpoint, RoutingDecision d, long latencyMs, int attempts) {
        try {
            failed(requestId, started, principal, endpoint, d, latencyMs, attempts, INTERNAL_ERROR);
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
        return failure;
    }

    /**
     * A request no deployment answered: one ERROR row, so that failures count in the analytics like
     * answers do. Nothing was billed, so nothing is spent.
     */
    public void failed(String requestId, Instant started, String principal, String endpoint, RoutingDecision d,
                       long latencyMs, int attempts, String errorType) {
        record(row(requestId, started, principal, endpoint, d, null, new Usage(d.promptTokens(), 0),
                Cost.ZERO, Cost.ZERO, latencyMs, attempts, errorType, false, LearnerFeatureText.of(d.analysis()), null,
                null, null));
    }

    /**
     * A stream that ended early. The provider bills the prompt and the part answer all the same, but most
     * report the whole usage only on the last chunk, which never came: the usage is what the provider reported
     * as it went, where it did, else estimated from the request and what the model wrote (its text and what
     * the caller did not see: thinking, tool-call arguments), priced like an answer and added to the day's
     * spend, on an ERROR row.
     */
    public void unfinished(Unfinished u) {
        Usage usage = soFar(u);
        Cost cost = price(u.streamedBy(), usage);
        u.admission().unfinished(u.streamedBy(), usage, cost, u.deploymentFailed());
        record(row(u.requestId(), u.started(), u.principal(), u.endpoint(), u.decision(), u.streamedBy(), usage, cost,
                costs.baselineCost(usage), u.latencyMs(), u.attempts(), u.errorType(), false,
                LearnerFeatureText.of(u.decision().analysis()), null, null, u.firstChunkMs()));
    }

    /**
     * A cut stream's usage: the input as the provider reported it (its prompt-cache split included) where it did,
     * and the larger of the output it reported and the output estimated from what the model wrote.
     */
    private Usage soFar(Unfinished u) {
        Usage estimate = UsageEstimate.of(tokens, u.request(), u.textSoFar() + u.hiddenSoFar());
        Usage reported = u.reportedSoFar();
        if (reported == null) {
            return estimate;
        }
        int output = Math.max(reported.outputTokens(), estimate.outputTokens());
        return reported.inputTokens() > 0
                ? new Usage(reported.inputTokens(), output, reported.reasoningTokens(), reported.cachedInputTokens(),
                        reported.cacheWriteInputTokens(), reported.audioInputTokens())
                : new Usage(estimate.inputTokens(), output, reported.reasoningTokens(), 0, 0);
    }

    private Cost price(Candidate by, Usage usage) {
        Cost cost = costs.cost(by.model(), usage);
        if (!cost.priced()) {
            LOG.warn("model {} has no price: its cost is reported as null (unpriced), not as $0", by.model());
        }
        return cost;
    }

    /**
     * The one way a ledger row is built: {@code by} null when nobody answered, {@code errorType} null when ok,
     * {@code learnerFeatures} as {@link LearnerFeatureText} writes them (null when none were taken), {@code observed}
     * null unless the answer was an observed failure, {@code firstChunkMs} null but for a stream that sent a chunk.
     */
    private static LedgerEntry row(String requestId, Instant started, String principal, String endpoint,
                                   RoutingDecision d, Candidate by, Usage usage, Cost cost, Cost baseline,
                                   long latencyMs, int attempts, String errorType, boolean cacheHit,
                                   String learnerFeatures, ObservedFailure observed, Boolean cacheAsked,
                                   Long firstChunkMs) {
        return row(requestId, started, principal, endpoint, d, by == null ? null : by.provider(),
                by == null ? null : by.model(), by == null ? null : by.tier().wireName(), usage, cost, baseline,
                latencyMs, attempts, errorType, cacheHit, learnerFeatures, observed, cacheAsked, firstChunkMs);
    }

    /** The tier of the candidate of {@code d} that is this deployment (a cached answer's), null if none is. */
    private static String tierOf(RoutingDecision d, String provider, String model) {
        return Stream.concat(Stream.of(d.chosen()), d.fallbacks().stream())
                .filter(c -> c.provider().equals(provider) && c.model().equals(model))
                .map(c -> c.tier().wireName()).findFirst().orElse(null);
    }

    private static LedgerEntry row(String requestId, Instant started, String principal, String endpoint,
                                   RoutingDecision d, String provider, String model, String tier, Usage usage,
                                   Cost cost, Cost baseline, long latencyMs, int attempts, String errorType,
                                   boolean cacheHit, String learnerFeatures, ObservedFailure observed,
                                   Boolean cacheAsked, Long firstChunkMs) {
        return new LedgerEntry(requestId, started, principal, endpoint, d.strategyUsed(), d.confidence().wireName(),
                d.analysis().pattern().wireName(), d.analysis().complexity(), provider, model, usage.inputTokens(), usage.outputTokens(),
                BigDecimal.valueOf(cost.usd()), BigDecimal.valueOf(baseline.usd()), cost.priced(), latencyMs, cacheHit,
                attempts > 1, attempts, errorType == null ? LedgerEntry.OK : LedgerEntry.ERROR, errorType, tier,
                d.chosen().label(), learnerFeatures, observed == null ? null : observed.outcome(),
                observed == null ? null : observed.note(), cacheAsked, usage.cachedInputTokens(),
                usage.cacheWriteInputTokens(), firstChunkMs);
    }

    /** True when the ledger has the row now; false when it was parked to be written later (see {@link LedgerWriter}). */
    private boolean record(LedgerEntry entry) {
        boolean recorded = ledger.record(entry);
        observer.completed(entry, recorded);
        return recorded;
    }
}
