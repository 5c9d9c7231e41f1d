package dev.switchboard.service;

import dev.switchboard.api.ApiException;
import dev.switchboard.api.CompleteRequest;
import dev.switchboard.api.CompleteResponse;
import dev.switchboard.api.ContextLengthExceededException;
import dev.switchboard.api.DeploymentsFailedException;
import dev.switchboard.api.RefusedUntilException;
import dev.switchboard.api.RequestExceedsLimitException;
import dev.switchboard.api.StateStoreUnavailableException;
import dev.switchboard.provider.ChatMessage;
import dev.switchboard.provider.ChatRequest;
import dev.switchboard.provider.Usage;
import dev.switchboard.resilience.FallbackChain;
import dev.switchboard.routing.Candidate;
import dev.switchboard.routing.RoutingDecision;
import dev.switchboard.state.CacheKey;
import dev.switchboard.state.CachedResponse;
import dev.switchboard.state.StateLookup;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * POST /complete: route the prompt, call the chosen deployment (falling back down the ranking),
 * settle the bookkeeping and answer with seed 001's fields.
 */
@Singleton
public class CompletionService {

    /** Its name in the ledger, the log lines and the metrics, which the alarms of template.yaml name too. */
    public static final String ENDPOINT = "complete";

    private final DecisionService decisions;
    private final Admissions admissions;
    private final FallbackChain chain;
    private final CompletionAccounting accounting;
    private final ResponseCaching caching;
    private final RequestIds ids;
    private final Clock clock;

    public CompletionService(DecisionService decisions, Admissions admissions, FallbackChain chain,
                             CompletionAccounting accounting, ResponseCaching caching, RequestIds ids, Clock clock) {
        this.caching = caching;
        this.decisions = decisions;
        this.admissions = admissions;
        this.chain = chain;
        this.accounting = accounting;
        this.ids = ids;
        this.clock = clock;
    }

    public CompleteResponse complete(CompleteRequest request, Caller caller) {
        return complete(request, caller, new RoutingTrace());
    }

    /** As {@link #complete(CompleteRequest, Caller)}, telling {@code trace} the request id and how it was routed. */
    public CompleteResponse complete(CompleteRequest request, Caller caller, RoutingTrace trace) {
        String principal = caller.principal();
        String requestId = ids.next();
        trace.assigned(requestId);
        Instant started = clock.instant();
        CacheKey cacheKey = caching.keyOf(request, caller);
        CacheOnlyRoute route = CacheOnlyRoute.decide(cacheKey, signals -> decisions.decide(request.prompt(),
                request.maxTokens(), request.autoRoute(), request.routing(), 0, false, caller, signals));
        RoutingDecision decision = route.decision();
        RequestAdmission admission = admissions.open(caller, decision.promptTokens(), request.maxTokens());
        StateLookup lookup;
        try {
            lookup = admission.lookup(cacheKey);
        } catch (StateStoreUnavailableException e) {
            route.requireHitIfUnroutable(null);
            // Refused before any call, by a state outage: ledgered (and so counted in the metrics) all the same.
            accounting.failed(requestId, started, principal, ENDPOINT, decision, clock.millis() - started.toEpochMilli(),
                    0, e.type());
            throw e;
        }
        route.requireHitIfUnroutable(lookup);
        if (lookup == null) {
            cacheKey = null; // the state could not be read and the request goes on uncached: the cache was not asked
        }
        BigDecimal spentBefore = lookup == null ? null : lookup.spentToday();
        if (lookup != null && lookup.cached() != null) {
            CompleteResponse hit = hit(requestId, started, principal, decision, lookup);
            trace.routed(new RoutingTrace.Routed(hit.provider(), hit.model(), hit.strategyUsed(), 0,
                    RoutingTrace.CacheUse.HIT, clock.millis() - started.toEpochMilli()));
            return hit;
        }
        FallbackChain.Outcome outcome;
        UpstreamTime upstream = new UpstreamTime(admission, clock);
        int[] asked = {0};
        try {
            outcome = chain.call(decision.ranked(), candidate -> {
                asked[0]++;
                return new ChatRequest(candidate.model(), List.of(ChatMessage.user(request.prompt())),
                        request.maxTokens());
            }, upstream.started(), started);
            upstream.ended();
        } catch (DeploymentsFailedException e) {
            RuntimeException refusal = admission.whenNoneAnswered(e);
            if (refusal instanceof ContextLengthExceededException tooLong) {
                refusal = tooLong.on("prompt");
            }
            accounting.failed(requestId, started, principal, ENDPOINT, decision, clock.millis() - started.toEpochMilli(),
                    e.tried().size(), refusal instanceof ApiException api ? api.type() : e.type());
            throw refusal;
        } catch (RefusedUntilException | RequestExceedsLimitException | StateStoreUnavailableException e) {
            accounting.failed(requestId, started, principal, ENDPOINT, decision, clock.millis() - started.toEpochMilli(),
                    0, e.type());
            throw e;
        } catch (RuntimeException e) {
            // Not a provider's failure: the chain has given back what it held; the request is ledgered all the same.
            throw accounting.unexpected(e, requestId, started, principal, ENDPOINT, decision,
                    clock.millis() - started.toEpochMilli(), asked[0]);
        }
        Candidate answered = outcome.answeredBy();
        Usage usage = outcome.response().usage();
        CompletionAccounting.Settled settled = accounting.settle(new CompletionAccounting.Answered(requestId, started,
                principal, ENDPOINT, decision, answered, usage, outcome.failedAttempts(),
                clock.millis() - started.toEpochMilli(), outcome.beforeAnsweringTry(), admission, spentBefore, cacheKey,
                outcome.response(), DeliveredAnswer.of(outcome.response(), false, false, false), null));
        trace.routed(new RoutingTrace.Routed(answered.provider(), answered.model(), decision.strategyUsed(),
                outcome.failedAttempts().size(), cacheKey == null ? RoutingTrace.CacheUse.BYPASS
                : RoutingTrace.CacheUse.MISS, clock.millis() - started.toEpochMilli() - upstream.upstreamMs()));
        return new CompleteResponse(outcome.response().text(), answered.provider(), answered.model(),
                decision.strategyUsed(), decision.confidence().wireName(), settled.complexity(),
                usage.inputTokens(), usage.outputTokens(), settled.cost(), settled.totalToday(), false,
                settled.metadata());
    }

    private CompleteResponse hit(String requestId, Instant started, String principal, RoutingDecision decision,
                                 StateLookup lookup) {
        CachedResponse hit = lookup.cached();
        CompletionAccounting.Settled settled = accounting.cacheHit(requestId, started, principal, ENDPOINT, decision,
                hit, clock.millis() - started.toEpochMilli(), lookup.spentToday());
        Usage usage = hit.response().usage();
        return new CompleteResponse(hit.response().text(), hit.provider(), hit.response().model(),
                decision.strategyUsed(), decision.confidence().wireName(), settled.complexity(), usage.inputTokens(), usage.outputTokens(), 0.0, settled.totalToday(),
                true, settled.metadata());
    }
}
