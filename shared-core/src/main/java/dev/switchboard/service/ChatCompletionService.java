package dev.switchboard.service;

import dev.switchboard.api.ApiException;
import dev.switchboard.api.ChatCompletionChunk;
import dev.switchboard.api.ChatCompletionRequest;
import dev.switchboard.api.ChatCompletionResponse;
import dev.switchboard.api.DeploymentsFailedException;
import dev.switchboard.api.RefusedUntilException;
import dev.switchboard.api.RequestExceedsLimitException;
import dev.switchboard.api.StateStoreUnavailableException;
import dev.switchboard.api.StreamBrokenAfterStartException;
import dev.switchboard.cost.TokenCounter;
import dev.switchboard.provider.ChatRequest;
import dev.switchboard.provider.ChatResponse;
import dev.switchboard.provider.ClaudePrefill;
import dev.switchboard.provider.StreamChunk;
import dev.switchboard.provider.Usage;
import dev.switchboard.resilience.Attempt;
import dev.switchboard.resilience.FallbackChain;
import dev.switchboard.resilience.StreamBrokenException;
import dev.switchboard.routing.Candidate;
import dev.switchboard.routing.RoutingDecision;
import dev.switchboard.state.CacheKey;
import dev.switchboard.state.CachedResponse;
import dev.switchboard.state.StateLookup;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * POST /v1/chat/completions: an OpenAI-style conversation routed like a /complete prompt (model
 * "auto"), or pinned to a configured model and failed over among its deployments; answered whole
 * or streamed. Tools in the request require deployments that take tools; a stream requires ones
 * that stream.
 */
@Singleton
public class ChatCompletionService {

    /** Its name in the ledger, the log lines and the metrics, which the alarms of template.yaml name too. */
    public static final String ENDPOINT = "chat.completions";
    /** The ledger's error type for a stream whose caller went away before it ended. */
    static final String CLIENT_CANCELLED = "client_cancelled";

    private final DecisionService decisions;
    private final Admissions admissions;
    private final FallbackChain chain;
    private final CompletionAccounting accounting;
    private final ResponseCaching caching;
    private final ChatRouting chatRouting;
    private final RequestIds ids;
    private final Clock clock;

    public ChatCompletionService(DecisionService decisions, Admissions admissions, FallbackChain chain,
                                 CompletionAccounting accounting, ResponseCaching caching,
                                 CandidateCatalog candidates, TokenCounter tokens, RequestIds ids, Clock clock) {
        this.caching = caching;
        this.decisions = decisions;
        this.admissions = admissions;
        this.chain = chain;
        this.accounting = accounting;
        this.chatRouting = new ChatRouting(candidates, tokens);
        this.ids = ids;
        this.clock = clock;
    }

    public ChatCompletionResponse complete(ChatCompletionRequest request, Caller caller) {
        return complete(request, caller, new RoutingTrace());
    }

    /** As {@link #complete(ChatCompletionRequest, Caller)}, telling {@code trace} the request id and the routing. */
    public ChatCompletionResponse complete(ChatCompletionRequest request, Caller caller, RoutingTrace trace) {
        String principal = caller.principal();
        Call call = start(request, caller, trace);
        if (call.hit() != null) {
            ChatCompletionResponse hit = hit(call, principal);
            trace.routed(new RoutingTrace.Routed(call.hit().provider(), hit.model(), call.decision().strategyUsed(), 0,
                    RoutingTrace.CacheUse.HIT, elapsedMs(call)));
            return hit;
        }
        FallbackChain.Outcome outcome;
        UpstreamTime upstream = new UpstreamTime(call.admission(), clock);
        int[] asked = {0};
        try {
            outcome = chain.call(call.decision().ranked(), candidate -> {
                asked[0]++;
                return call.requestFor().apply(candidate);
            }, upstream.started(), call.started());
            upstream.ended();
        } catch (DeploymentsFailedException e) {
            throw failed(call, principal, e);
        } catch (RefusedUntilException | RequestExceedsLimitException | StateStoreUnavailableException e) {
            throw refused(call, principal, e);
        } catch (RuntimeException e) {
            // Not a provider's failure: the chain has given back what it held; the request is ledgered all the same.
            throw accounting.unexpected(e, call.requestId(), call.started(), principal, ENDPOINT, call.decision(),
                    elapsedMs(call), asked[0]);
        }
        ChatResponse response = outcome.response();
        CompletionAccounting.Settled settled = accounting.settle(answered(call, principal, outcome.answeredBy(),
                response.usage(), outcome.failedAttempts(), outcome.beforeAnsweringTry(), response,
                DeliveredAnswer.of(response, call.toolsOffered(), call.budgetFitted(), call.emptyMayBeRight()), null));
        trace.routed(routed(call, outcome.answeredBy(), outcome.failedAttempts().size(),
                call.cacheKey() == null ? RoutingTrace.CacheUse.BYPASS : RoutingTrace.CacheUse.MISS, upstream));
        // The configured model, as a stream's chunks and the x-switchboard-model header say it, and as the
        // caller can pin it; what the upstream called itself is in routing_metadata.upstream_model.
        return new ChatCompletionResponse(call.id(), ChatCompletionResponse.OBJECT, call.started().getEpochSecond(),
                outcome.answeredBy().model(), List.of(ChatCompletionMapper.choice(response)),
                ChatCompletionMapper.usage(response.usage()), gateway(call.decision(), outcome.answeredBy(), settled));
    }

    /**
     * Streams the answer to {@code listener}. A failure before the first chunk is thrown like a
     * failed call (the caller can still answer with an error status); after it, the failure is
     * thrown as {@link StreamBrokenAfterStartException} and the caller ends the stream
     * with an error event. A listener whose caller has gone throws {@link StreamCancelledException}:
     * the upstream stream stops, and the exception comes back out once the request is ledgered.
     * Either way the part answer is ledgered with its estimated usage and cost, since it was billed.
     */
    public void stream(ChatCompletionRequest request, Caller caller, ChatStreamListener listener) {
        stream(request, caller, new RoutingTrace(), listener);
    }

    /**
     * As {@link #stream(ChatCompletionRequest, Caller, ChatStreamListener)}, telling {@code trace} the request
     * id and, before the first chunk goes to {@code listener}, the deployment streaming it.
     */
    public void stream(ChatCompletionRequest request, Caller caller, RoutingTrace trace, ChatStreamListener listener) {
        String principal = caller.principal();
        Call call = start(request, caller, trace);
        long created = call.started().getEpochSecond();
        boolean[] first = {true};
        // The chain asks for the request at each try, just before it, so this follows the deployment whose chunks
        // are arriving (once one has arrived, no other is tried), and each try's own work.
        StreamProgress progress = new StreamProgress();
        Function<Candidate, ChatRequest> requestFor = candidate ->
                progress.askedFor(candidate, call.requestFor().apply(candidate));
        StreamChunk[] lastChunk = {null};
        FallbackChain.StreamOutcome outcome;
        UpstreamTime upstream = new UpstreamTime(call.admission(), clock);
        try {
            outcome = chain.stream(call.decision().ranked(), requestFor, chunk -> {
                if (chunk.isLast()) {
                    lastChunk[0] = chunk;
                } else if (chunk.isProgress()) {
                    // Kept before the check: the provider wrote it (and bills it) even if the caller is gone.
                    progress.worked(chunk);
                    listener.working();
                } else {
                    // Counted before the hand-over: the provider wrote it (and bills it) even if the caller is gone.
                    progress.text.append(chunk.textDelta());
                    if (first[0]) {
                        trace.routed(streamed(call, progress.candidate, upstream));
                        progress.firstChunkMs = Math.max(0, elapsedMs(call)); // a wall clock may be set back
                    }
                    listener.chunk(ChatCompletionMapper.text(call.id(), created, progress.candidate.model(),
                            chunk.textDelta(), first[0]));
                    first[0] = false;
                }
            }, upstream.started(), call.started());
            upstream.ended();
        } catch (StreamBrokenException e) {
            StreamBrokenAfterStartException broken = new StreamBrokenAfterStartException(e.deployment(),
                    e.chunksDelivered(), Attempt.failures(e.attempts()));
            // A stream the request's deadline ended says nothing about its deployment.
            List<Attempt> attempts = e.attempts();
            boolean deploymentFailed = attempts.isEmpty() || attempts.get(attempts.size() - 1).deploymentFault();
            unfinished(call, principal, progress, broken.tried().size(), broken.type(), deploymentFailed);
            throw broken;
        } catch (StreamCancelledException e) {
            // The chain passes this on without the attempts list: the candidates asked stand in for it. With
            // nothing billed yet the chain has given back what it held, as for a failed call.
            if (progress.candidate == null || !progress.billed()) {
                accounting.failed(call.requestId(), call.started(), principal, ENDPOINT, call.decision(),
                        elapsedMs(call), Math.max(1, progress.asked), CLIENT_CANCELLED);
            } else {
                unfinished(call, principal, progress, progress.asked, CLIENT_CANCELLED, false);
            }
            throw e;
        } catch (DeploymentsFailedException e) {
            throw failed(call, principal, e);
        } catch (RefusedUntilException | RequestExceedsLimitException | StateStoreUnavailableException e) {
            throw refused(call, principal, e);
        } catch (RuntimeException e) {
            throw unexpected(call, principal, progress, e);
        }
        StreamChunk last = lastChunk[0];
        Candidate answered = outcome.answeredBy();
        // What the caller got, assembled: checked for an observed failure like a whole answer.
        DeliveredAnswer delivered = new DeliveredAnswer(progress.text.toString(), last.toolCalls(),
                last.finishReason(), call.toolsOffered(), call.budgetFitted(), call.emptyMayBeRight());
        // Without text the first chunk is the tool calls' or the finish's, sent right after settling (whose own
        // time the row, written while settling, cannot count).
        Long firstChunkMs = progress.firstChunkMs != null ? progress.firstChunkMs
                : Long.valueOf(Math.max(0, elapsedMs(call)));
        CompletionAccounting.Settled settled;
        try {
            settled = accounting.settle(answered(call, principal, answered, last.usage(), outcome.failedAttempts(),
                    outcome.beforeAnsweringTry(), null, delivered, firstChunkMs));
        } catch (RuntimeException e) {
            // The answer was given and billed: a failure of its bookkeeping before its settlement still leaves it
            // settled and ledgered, at its reported usage. Once settled, its row is written or on its way, and is
            // not written twice.
            if (call.admission().unsettled(answered)) {
                try {
                    progress.reported = last.usage();
                    unfinished(call, principal, progress, progress.asked, CompletionAccounting.INTERNAL_ERROR, false);
                } catch (RuntimeException bookkeeping) {
                    e.addSuppressed(bookkeeping);
                }
            }
            throw e;
        }
        if (first[0]) {
            trace.routed(streamed(call, answered, upstream));
        }
        // Settled as delivered: what is left to send (the tool calls, the finishing chunk) is the answer's end, so a
        // caller that goes now, between those chunks, is not ledgered again as a cancellation.
        for (ChatCompletionChunk chunk : ChatCompletionMapper.finish(call.id(), created, answered.model(),
                last.finishReason(), last.toolCalls(), first[0], gateway(call.decision(), answered, settled))) {
            listener.chunk(chunk);
        }
        if (request.includeUsage()) {
            listener.chunk(ChatCompletionMapper.usageOnly(call.id(), created, answered.model(), last.usage()));
        }
    }

    private Call start(ChatCompletionRequest request, Caller caller, RoutingTrace trace) {
        String requestId = ids.next();
        trace.assigned(requestId);
        Instant started = clock.instant();
        CacheKey cacheKey = caching.keyOf(request, caller);
        CacheOnlyRoute route = CacheOnlyRoute.decide(cacheKey, signals -> decisions.decide(request.promptText(),
                request.maxTokens(), request.autoRoute(), chatRouting.preferences(request, caller),
                chatRouting.extraPromptTokens(request), !request.maxTokensGiven(), caller, signals));
        RoutingDecision decision = route.decision();
        int promptTokens = decision.promptTokens();
        // A budget the caller set goes as it is (routing left out the models that cannot answer that long);
        // the default is fitted to each model (its longest answer, its window's room), which a provider would
        // otherwise refuse, and the reservation holds what is sent.
        ToIntFunction<Candidate> budget = candidate -> candidate.answerBudget(request.maxTokens(),
                !request.maxTokensGiven(), promptTokens);
        Function<Candidate, ChatRequest> requestFor = candidate -> new ChatRequest(candidate.model(),
                request.messages(), budget.applyAsInt(candidate), request.temperature(), request.tools(), null,
                request.user()).withToolChoice(request.toolChoice()).withOptions(request.options());
        RequestAdmission admission = admissions.open(caller, promptTokens, budget,
                request.messages().stream().anyMatch(m -> !m.audio().isEmpty()));
        StateLookup lookup;
        try {
            lookup = admission.lookup(cacheKey);
        } catch (StateStoreUnavailableException e) {
            route.requireHitIfUnroutable(null);
            // Refused before any call, by a state outage: ledgered (and so counted in the metrics) all the same.
            accounting.failed(requestId, started, caller.principal(), ENDPOINT, decision,
                    clock.millis() - started.toEpochMilli(), 0, e.type());
            throw e;
        }
        route.requireHitIfUnroutable(lookup);
        // When the state could not be read, the request goes on uncached: the cache was not asked.
        return new Call(requestId, started, decision, requestFor, admission,
                lookup == null ? null : lookup.spentToday(), lookup == null ? null : cacheKey,
                lookup == null ? null : lookup.cached(), !request.tools().isEmpty(), !request.maxTokensGiven(),
                !request.options().stop().isEmpty() || ClaudePrefill.endsOnAnAnswer(request.messages()));
    }

    private ChatCompletionResponse hit(Call call, String principal) {
        CachedResponse hit = call.hit();
        CompletionAccounting.Settled settled = accounting.cacheHit(call.requestId(), call.started(), principal,
                ENDPOINT, call.decision(), hit, elapsedMs(call), call.spentBefore());
        ChatResponse response = hit.response();
        return new ChatCompletionResponse(call.id(), ChatCompletionResponse.OBJECT, call.started().getEpochSecond(),
                response.model(), List.of(ChatCompletionMapper.choice(response)),
                ChatCompletionMapper.usage(response.usage().withoutPromptCache()),
                new ChatCompletionResponse.Gateway(hit.provider(),
                call.decision().strategyUsed(), call.decision().confidence().wireName(), settled.cost(),
                settled.totalToday(), true, settled.metadata()));
    }


    private CompletionAccounting.Answered answered(Call call, String principal, Candidate by,
                                                   Usage usage, List<String> failedAttempts,
                                                   Duration beforeAnsweringTry, ChatResponse answer,
                                                   DeliveredAnswer delivered, Long firstChunkMs) {
        return new CompletionAccounting.Answered(call.requestId(), call.started(), principal, ENDPOINT,
                call.decision(), by, usage, failedAttempts, elapsedMs(call), beforeAnsweringTry, call.admission(),
                call.spentBefore(), call.cacheKey(), answer, delivered, firstChunkMs);
    }

    /** Ledgers a request nobody answered; returns what to throw (429 when every deployment's window was full). */
    private RuntimeException failed(Call call, String principal, DeploymentsFailedException e) {
        RuntimeException thrown = call.admission().whenNoneAnswered(e);
        accounting.failed(call.requestId(), call.started(), principal, ENDPOINT, call.decision(), elapsedMs(call),
                e.tried().size(), thrown instanceof ApiException api ? api.type() : e.type());
        return thrown;
    }

    /** Ledgers a request refused by the caller's own limits or budget, or by a state outage. */
    private RuntimeException refused(Call call, String principal, ApiException e) {
        accounting.failed(call.requestId(), call.started(), principal, ENDPOINT, call.decision(), elapsedMs(call), 0,
                e.type());
        return e;
    }

    /**
     * A stream that failed inside the gateway, not at its provider (a bug, a chunk that could not be written).
     * With text already out, or work out of sight, it is settled and ledgered like a stream the caller left, since
     * the provider billed it; without, the chain has given back what it held and it is ledgered like a failed call.
     */
    private RuntimeException unexpected(Call call, String principal, StreamProgress progress, RuntimeException e) {
        if (progress.candidate == null || !progress.billed()) {
            return accounting.unexpected(e, call.requestId(), call.started(), principal, ENDPOINT, call.decision(),
                    elapsedMs(call), progress.asked);
        }
        try {
            unfinished(call, principal, progress, progress.asked, CompletionAccounting.INTERNAL_ERROR, false);
        } catch (RuntimeException bookkeeping) {
            e.addSuppressed(bookkeeping);
        }
        return e;
    }

    private void unfinished(Call call, String principal, StreamProgress progress, int attempts, String errorType,
                            boolean deploymentFailed) {
        accounting.unfinished(new CompletionAccounting.Unfinished(call.requestId(), call.started(), principal,
                ENDPOINT, call.decision(), progress.candidate, progress.request, progress.text.toString(),
                progress.hidden.toString(), progress.reported, Math.max(1, attempts), elapsedMs(call), errorType,
                call.admission(), deploymentFailed, progress.firstChunkMs));
    }

    /**
     * A stream's routing as known at its first chunk: every candidate ranked before the one streaming was
     * tried or passed over (the chain walks the ranking in order), and streams never use the cache.
     */
    private RoutingTrace.Routed streamed(Call call, Candidate streaming, UpstreamTime upstream) {
        return routed(call, streaming, Math.max(0, call.decision().ranked().indexOf(streaming)),
                RoutingTrace.CacheUse.BYPASS, upstream);
    }

    private RoutingTrace.Routed routed(Call call, Candidate answered, int fallbacks, RoutingTrace.CacheUse cache,
                                       UpstreamTime upstream) {
        return new RoutingTrace.Routed(answered.provider(), answered.model(), call.decision().strategyUsed(),
                fallbacks, cache, elapsedMs(call) - upstream.upstreamMs());
    }

    private long elapsedMs(Call call) {
        return clock.millis() - call.started().toEpochMilli();
    }

    private static ChatCompletionResponse.Gateway gateway(RoutingDecision decision, Candidate answered,
                                                          CompletionAccounting.Settled settled) {
        return new ChatCompletionResponse.Gateway(answered.provider(), decision.strategyUsed(),
                decision.confidence().wireName(), settled.cost(), settled.totalToday(), false, settled.metadata());
    }

    /**
     * One request: the ledger's request id, and OpenAI's chat completion id derived from it; whether it
     * offered tools, which an answer's tool calls are then checked against; whether its answer budget is the
     * default fitted to each deployment; whether an empty answer may be what it asked for.
     */
    private record Call(String requestId, Instant started, RoutingDecision decision,
                        Function<Candidate, ChatRequest> requestFor, RequestAdmission admission,
                        BigDecimal spentBefore, CacheKey cacheKey, CachedResponse hit, boolean toolsOffered,
                        boolean budgetFitted, boolean emptyMayBeRight) {

        String id() {
            return "chatcmpl-" + requestId;
        }
    }
}
