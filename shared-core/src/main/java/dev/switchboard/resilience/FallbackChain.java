package dev.switchboard.resilience;

import dev.switchboard.api.ContextLengthExceededException;
import dev.switchboard.api.NoProviderAvailableException;
import dev.switchboard.api.ProviderRejectedException;
import dev.switchboard.api.RequestTimedOutException;
import dev.switchboard.api.RequestUnsupportedException;
import dev.switchboard.provider.ChatProvider;
import dev.switchboard.provider.ChatRequest;
import dev.switchboard.provider.ChatResponse;
import dev.switchboard.provider.ProviderException;
import dev.switchboard.provider.ProviderRegistry;
import dev.switchboard.provider.Sleeper;
import dev.switchboard.provider.StreamChunk;
import dev.switchboard.routing.Candidate;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Walks a decision's ranked candidates until one answers, within one deadline for the whole request.
 * A candidate whose breaker is open is passed over; each other one gets its retries through its breaker
 * ({@link RetryingCaller}). Then by the last failure's kind: a rejected request stops the chain (nobody
 * else will take it); a context too long passes over the later candidates whose context is no larger;
 * anything else moves on to the next candidate. A stream that already sent chunks is never handed on.
 */
@Singleton
public final class FallbackChain {

    private static final Logger LOG = LoggerFactory.getLogger(FallbackChain.class);

    /** The candidate that answered, its answer, and what happened with every candidate up to it. */
    public record Outcome(Candidate answeredBy, ChatResponse response, List<Attempt> attempts) {

        public Outcome {
            attempts = List.copyOf(attempts);
        }

        /** The candidates that did not answer, as "provider/model (kind)". */
        public List<String> failedAttempts() {
            return Attempt.failures(attempts);
        }

        public boolean fallbackUsed() {
            return !failedAttempts().isEmpty();
        }

        /** What the answering deployment took before its answering try (waits, failed tries): not its latency. */
        public Duration beforeAnsweringTry() {
            return attempts.get(attempts.size() - 1).beforeLastTry();
        }
    }

    /** The candidate whose stream reached the client to its end, how many chunks it sent, and every attempt. */
    public record StreamOutcome(Candidate answeredBy, int chunks, List<Attempt> attempts) {

        public StreamOutcome {
            attempts = List.copyOf(attempts);
        }

        public List<String> failedAttempts() {
            return Attempt.failures(attempts);
        }

        public boolean fallbackUsed() {
            return !failedAttempts().isEmpty();
        }

        /** What the answering deployment took before its answering try (waits, failed tries): not its latency. */
        public Duration beforeAnsweringTry() {
            return attempts.get(attempts.size() - 1).beforeLastTry();
        }
    }

    private record Answer<T>(Candidate candidate, T value, List<Attempt> attempts) {
    }

    private final ProviderRegistry providers;
    private final DeploymentBreakers breakers;
    private final ResilienceSettings settings;
    private final Clock clock;
    private final RetryingCaller caller;

    public FallbackChain(ProviderRegistry providers, DeploymentBreakers breakers, ResilienceSettings settings,
                         Clock clock, Sleeper sleeper) {
        this.providers = providers;
        this.breakers = breakers;
        this.settings = settings;
        this.clock = clock;
        this.caller = new RetryingCaller(breakers, new RetryPolicy(settings), sleeper, clock);
    }

    public Outcome call(List<Candidate> ranked, Function<Candidate, ChatRequest> requestFor) {
        return call(ranked, requestFor, CallGate.OPEN);
    }

    /** As {@link #call(List, Function)}, asking {@code gate} before each candidate is called. */
    public Outcome call(List<Candidate> ranked, Function<Candidate, ChatRequest> requestFor, CallGate gate) {
        return call(ranked, requestFor, gate, clock.instant());
    }

    /**
     * As {@link #call(List, Function, CallGate)}, for a request that arrived at {@code requestStarted}:
     * the deadline counts from then, so the work before the chain (authentication, the state lookup)
     * spends the same budget.
     */
    public Outcome call(List<Candidate> ranked, Function<Candidate, ChatRequest> requestFor, CallGate gate,
                        Instant requestStarted) {
        Instant deadline = deadline(requestStarted);
        Answer<ChatResponse> answer = walk(ranked, deadline, gate, candidate -> {
            ChatProvider provider = provider(candidate);
            ChatRequest request = requestFor.apply(candidate).withDeadline(deadline);
            return () -> provider.complete(request);
        });
        return new Outcome(answer.candidate(), answer.value(), answer.attempts());
    }

    /**
     * Streams the first candidate that answers into {@code sink}. Before its first chunk a candidate
     * is retried or replaced exactly like a call; after it, a failure ends here.
     *
     * @throws StreamBrokenException when a stream fails after some of it reached the sink
     */
    public StreamOutcome stream(List<Candidate> ranked, Function<Candidate, ChatRequest> requestFor,
                                Consumer<StreamChunk> sink) {
        return stream(ranked, requestFor, sink, CallGate.OPEN);
    }

    /**
     * As {@link #stream(List, Function, Consumer)}, asking {@code gate} before each candidate is called.
     * A stream that breaks after its first chunk is not reported to the gate: its caller settles it.
     */
    public StreamOutcome stream(List<Candidate> ranked, Function<Candidate, ChatRequest> requestFor,
                                Consumer<StreamChunk> sink, CallGate gate) {
        return stream(ranked, requestFor, sink, gate, clock.instant());
    }

    /** As {@link #stream(List, Function, Consumer, CallGate)}, the deadline counting from {@code requestStarted}. */
    public StreamOutcome stream(List<Candidate> ranked, Function<Candidate, ChatRequest> requestFor,
                                Consumer<StreamChunk> sink, CallGate gate, Instant requestStarted) {
        Instant deadline = deadline(requestStarted);
        boolean endsStreams = settings.deadlineEndsStreams();
        Instant streamsEndAt = endsStreams ? deadline : null;
        // The adapter ends a stream that is quiet at the deadline; the sink, one whose text still comes.
        // The request is asked for at each try, so that its owner can tell a retry's work from the try before.
        Answer<Integer> answer = walk(ranked, deadline, gate, candidate -> new StreamCall(provider(candidate),
                () -> requestFor.apply(candidate).withDeadline(deadline, endsStreams),
                new CountingSink(sink, candidate.provider(), streamsEndAt, clock)));
        return new StreamOutcome(answer.candidate(), answer.value(), answer.attempts());
    }

    /**
     * When the whole request must be answered by. Each call gets it too, so that no call already
     * under way outlasts it. A stream that keeps sending is bounded by its silences instead, unless
     * the deadline ends streams (on Lambda, where the function is stopped soon after it): then the
     * stream ends there as a timeout, at its first text chunk past it or, when none comes, by the
     * adapter cutting its read at the deadline.
     */
    private Instant deadline(Instant requestStarted) {
        return requestStarted.plus(settings.requestDeadline());
    }

    private <T> Answer<T> walk(List<Candidate> ranked, Instant deadline, CallGate gate,
                               Function<Candidate, RetryingCaller.CandidateCall<T>> calls) {
        List<Attempt> attempts = new ArrayList<>();
        int contextTooLongUpTo = 0;
        // Whether every deployment tried said the context was too long (the others left out for a smaller one).
        boolean onlyTooLong = true;
        // Whether every deployment tried said it cannot take the request as it is, none passed over for a
        // reason that passes (a circuit, a full window, the deadline).
        boolean onlyUnsupported = true;
        for (Candidate candidate : ranked) {
            if (!clock.instant().isBefore(deadline) || Thread.currentThread().isInterrupted()) {
                LOG.warn("request deadline reached or interrupted; candidates left untried from {}", candidate.label());
                onlyTooLong = false;
                onlyUnsupported = false;
                break;
            }
            if (candidate.capabilities().contextLength() <= contextTooLongUpTo) {
                attempts.add(Attempt.passedOver(candidate.label(), Attempt.CONTEXT_TOO_SMALL));
                onlyUnsupported = false;
                continue;
            }
            // An open circuit is passed over before the gate, so that it holds no limit for a call never made.
            if (breakers.isOpen(candidate.label())) {
                attempts.add(Attempt.passedOver(candidate.label(), Attempt.CIRCUIT_OPEN));
                onlyTooLong = false;
                onlyUnsupported = false;
                continue;
            }
            Optional<BreakerPermit> permit = caller.permit(candidate.label());
            if (permit.isEmpty()) {
                // Half open with its trial call under way, or opened since the check above: not asked.
                attempts.add(Attempt.passedOver(candidate.label(), Attempt.CIRCUIT_OPEN));
                onlyTooLong = false;
                onlyUnsupported = false;
                continue;
            }
            RetryingCaller.CandidateCall<T> call;
            Optional<String> refused = Optional.empty();
            boolean handedOver = false;
            try {
                call = calls.apply(candidate);
                refused = gate.enter(candidate);
                handedOver = refused.isEmpty();
            } finally {
                if (!handedOver) {
                    // Refused, or anything thrown (an Error too): a half-open breaker's one trial slot must come back.
                    permit.get().release();
                }
            }
            if (refused.isPresent()) {
                attempts.add(Attempt.passedOver(candidate.label(), refused.get()));
                onlyTooLong = false;
                onlyUnsupported = false;
                continue;
            }
            RetryingCaller.Result<T> result;
            try {
                result = caller.call(candidate.label(), permit.get(), call, deadline);
            } catch (RuntimeException e) {
                // Not a provider failure (an adapter's bug, a caller gone): what the gate holds is given back,
                // unless chunks already went out or the model worked out of sight, both billed, which the request's
                // owner settles as an unfinished stream.
                if (call.delivered() == 0 && !call.worked()) {
                    gate.failed(candidate, Attempt.passedOver(candidate.label(), Attempt.UNEXPECTED));
                }
                throw e;
            }
            attempts.add(result.attempt());
            if (result instanceof RetryingCaller.Answered<T> answered) {
                return new Answer<>(candidate, answered.value(), attempts);
            }
            if (result instanceof RetryingCaller.Failed<T> failed && call.delivered() > 0) {
                throw new StreamBrokenException(candidate.label(), call.delivered(), failed.failure(), attempts);
            }
            gate.failed(candidate, result.attempt());
            if (result instanceof RetryingCaller.Failed<T> failed) {
                ProviderException failure = failed.failure();
                if (!failure.fallbackAllowed()) {
                    throw new ProviderRejectedException(candidate.label(), Attempt.failures(attempts));
                }
                if (failure.kind() == ProviderException.Kind.CONTEXT_TOO_LONG) {
                    contextTooLongUpTo = Math.max(contextTooLongUpTo, candidate.capabilities().contextLength());
                } else {
                    onlyTooLong = false;
                }
                onlyUnsupported &= failure.kind() == ProviderException.Kind.UNSUPPORTED;
            }
        }
        if (!clock.instant().isBefore(deadline)) {
            throw new RequestTimedOutException(settings.requestDeadline(), Attempt.failures(attempts));
        }
        if (onlyTooLong && contextTooLongUpTo > 0) {
            throw new ContextLengthExceededException(Attempt.failures(attempts));
        }
        if (onlyUnsupported && !attempts.isEmpty()) {
            throw new RequestUnsupportedException(Attempt.failures(attempts));
        }
        throw new NoProviderAvailableException(Attempt.failures(attempts));
    }

    private ChatProvider provider(Candidate candidate) {
        return providers.provider(candidate.provider()).orElseThrow(() ->
                new IllegalStateException("no adapter registered for provider " + candidate.provider()));
    }

    /**
     * One candidate's stream into the client's sink; its count of chunks sent survives its retries, what it worked
     * out of sight is each try's own.
     */
    private record StreamCall(ChatProvider provider, Supplier<ChatRequest> request, CountingSink sink)
            implements RetryingCaller.CandidateCall<Integer> {

        @Override
        public Integer attempt() {
            sink.newTry();
            provider.stream(request.get(), sink);
            if (!sink.ended()) {
                // Every adapter ends a stream with its last chunk (the finish reason, the usage) or throws: one
                // that returns without it broke off, and is failed like a stream cut, not taken for an answer.
                throw new ProviderException(sink.provider, ProviderException.Kind.UNAVAILABLE,
                        sink.provider + "'s stream ended without its last chunk");
            }
            return sink.delivered();
        }

        @Override
        public int delivered() {
            return sink.delivered();
        }

        @Override
        public boolean worked() {
            return sink.worked();
        }
    }

    /**
     * Forwards chunks to the client and counts them; a chunk counts as sent once handed over, a progress chunk
     * (nothing for the caller) not at all. With
     * {@code endsAt}, a text chunk that comes at or after it is not forwarded: the stream ends there as a
     * timeout (thrown into the adapter, which closes its connection), cut by the request's deadline; the
     * adapter cuts its read there too, for a stream that sends no more chunks. The last chunk always
     * passes: the answer is whole then, and billed (a tool call arrives only with it).
     */
    private static final class CountingSink implements Consumer<StreamChunk> {

        private final Consumer<StreamChunk> client;
        private final String provider;
        private final Instant endsAt;
        private final Clock clock;
        private int delivered;
        private boolean worked;
        private boolean ended;

        CountingSink(Consumer<StreamChunk> client, String provider, Instant endsAt, Clock clock) {
            this.client = client;
            this.provider = provider;
            this.endsAt = endsAt;
            this.clock = clock;
        }

        @Override
        public void accept(StreamChunk chunk) {
            // Progress past the deadline is left to the adapter's own cut of its read, which judges it as it did
            // before progress was handed on.
            if (endsAt != null && !chunk.isLast() && !chunk.isProgress() && !clock.instant().isBefore(endsAt)) {
                throw ProviderException.cutUnderWay(provider, "the stream was still under way at the request's deadline");
            }
            if (!chunk.isProgress()) {
                delivered++; // a progress chunk gives the caller nothing: a stream failing after it may go elsewhere
            } else if (!chunk.hiddenDelta().isEmpty() || chunk.usage() != null) {
                worked = true;
            }
            client.accept(chunk);
            ended |= chunk.isLast();
        }

        int delivered() {
            return delivered;
        }

        /** A try begins: what an earlier one worked out of sight was not billed with this one. */
        void newTry() {
            worked = false;
        }

        /** Whether a progress chunk of this try said the model wrote, or its provider counted, something out of sight. */
        boolean worked() {
            return worked;
        }

        /** Whether the last chunk has been handed over. */
        boolean ended() {
            return ended;
        }
    }
}
