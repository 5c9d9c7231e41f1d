package dev.switchboard.provider.bedrock;

import dev.switchboard.cost.TokenCounter;
import dev.switchboard.provider.ChatProvider;
import dev.switchboard.provider.ChatRequest;
import dev.switchboard.provider.ChatResponse;
import dev.switchboard.provider.ProviderException;
import dev.switchboard.provider.StreamChunk;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamResponseHandler;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * A provider on Amazon Bedrock's Converse API, signed with IAM credentials (no API key). complete()
 * calls Converse on the synchronous client; stream() calls ConverseStream on the asynchronous one
 * and blocks until the stream has ended, handing chunks to the sink on the calling thread.
 */
public final class BedrockProvider implements ChatProvider {

    public static final String PROTOCOL = "bedrock";

    private final String name;
    private final BedrockClientPair clients;
    private final BedrockRequestMapper mapper;
    private final BedrockResponseParser parser;
    private final BedrockFailures failures;
    private final TokenCounter tokens;
    private final Duration callTimeout;
    private final Duration idle;
    private final Clock clock;

    /**
     * @param callTimeout how long one Converse call may take (the synchronous client's own limit)
     * @param idle how long a stream may go without an event (or its start) before it is given up
     * @param mapper the provider's request mapper (its prompt caching and guardrail)
     */
    BedrockProvider(String name, BedrockClientPair clients, BedrockFailures failures, TokenCounter tokens,
                    Duration callTimeout, Duration idle, Clock clock, BedrockRequestMapper mapper) {
        this.name = Objects.requireNonNull(name);
        this.mapper = Objects.requireNonNull(mapper);
        this.clients = Objects.requireNonNull(clients);
        this.failures = Objects.requireNonNull(failures);
        this.tokens = Objects.requireNonNull(tokens);
        this.callTimeout = Objects.requireNonNull(callTimeout);
        this.idle = Objects.requireNonNull(idle);
        this.clock = Objects.requireNonNull(clock);
        this.parser = new BedrockResponseParser(name, tokens);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String protocol() {
        return PROTOCOL;
    }

    @Override
    public ChatResponse complete(ChatRequest request) {
        clients.requireCredentials(name);
        ConverseRequest converse;
        try {
            converse = withinDeadline(mapper.converse(request), request);
        } catch (IllegalArgumentException e) {
            throw ProviderException.unsupported(name, e.getMessage());
        }
        ConverseResponse response;
        try {
            response = clients.sync().converse(converse);
        } catch (RuntimeException e) {
            throw failures.from(e);
        }
        return parser.parse(response, request);
    }

    /** The client's call timeout, shortened when the whole request's deadline comes sooner. */
    private ConverseRequest withinDeadline(ConverseRequest converse, ChatRequest request) {
        Duration limit = atMost(callTimeout, request);
        if (limit.equals(callTimeout)) {
            return converse;
        }
        return converse.toBuilder().overrideConfiguration(o -> o.apiCallTimeout(limit)).build();
    }

    /**
     * {@code limit}, or the time left before the request's deadline when that is shorter. A deadline
     * already passed fails the call as a timeout before anything is sent.
     */
    private Duration atMost(Duration limit, ChatRequest request) {
        if (request.deadline() == null) {
            return limit;
        }
        Duration left = Duration.between(clock.instant(), request.deadline());
        if (left.isNegative() || left.isZero()) {
            throw new ProviderException(name, ProviderException.Kind.TIMEOUT,
                    name + " was not called: the request's deadline has passed");
        }
        return left.compareTo(limit) < 0 ? left : limit;
    }

    @Override
    public void stream(ChatRequest request, Consumer<StreamChunk> sink) {
        clients.requireCredentials(name);
        // The request's deadline bounds the wait for the stream's start; once events come, the idle limit
        // bounds each silence, as for the HTTP adapters' streams, and where the deadline ends streams, it
        // ends this one too, however its events keep coming or not.
        Duration startWithin = atMost(idle, request);
        StreamCutoff cutoff = StreamCutoff.of(request.streamEnd(), clock);
        ConverseStreamRequest converse;
        try {
            converse = mapper.converseStream(request);
        } catch (IllegalArgumentException e) {
            throw ProviderException.unsupported(name, e.getMessage());
        }
        ConverseEventPipe pipe = new ConverseEventPipe();
        ConverseStreamResponseHandler handler = ConverseStreamResponseHandler.builder()
                .onEventStream(publisher -> publisher.subscribe(pipe))
                .onError(pipe::fail)
                .build();
        CompletableFuture<Void> call;
        try {
            call = clients.async().converseStream(converse, handler);
        } catch (RuntimeException e) {
            throw failures.from(e);
        }
        call.whenComplete((ignored, failure) -> {
            if (failure != null) {
                pipe.fail(failure);
            }
        });
        try {
            BedrockStreamAssembler assembler = new BedrockStreamAssembler(name, tokens, request, sink);
            if (drain(pipe, assembler, startWithin, cutoff)) {
                // Its answer came whole before the deadline, its stream's end did not: nothing more is awaited.
                pipe.cancel();
                call.cancel(true);
            } else {
                // The events ended; the last chunk waits until the call itself has ended without failure.
                awaitCall(call);
            }
            assembler.end();
        } catch (RuntimeException e) {
            pipe.cancel();
            call.cancel(true);
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            pipe.cancel();
            call.cancel(true);
            throw new ProviderException(name, ProviderException.Kind.TIMEOUT, name + " stream was interrupted");
        }
    }

    /**
     * Hands every event to the assembler until the event stream completes: the first within
     * {@code startWithin}, each next within the idle limit, none past the cutoff. Once the events have
     * completed, the answer is whole: the wait for the call's own end is not cut. True when the cutoff
     * came after the answer's finish (messageStop) but before the event stream's end: whole too.
     */
    private boolean drain(ConverseEventPipe pipe, BedrockStreamAssembler assembler, Duration startWithin,
                          StreamCutoff cutoff) throws InterruptedException {
        Duration limit = startWithin;
        boolean begun = false;
        while (true) {
            Duration wait = cutoff.bound(limit);
            ConverseEventPipe.Signal signal = pipe.next(wait);
            if (signal == null && !cutoff.reached()) {
                throw new ProviderException(name, ProviderException.Kind.TIMEOUT,
                        name + " sent nothing for " + wait.toMillis() + " ms");
            }
            limit = idle;
            if (signal instanceof ConverseEventPipe.Failed failed) {
                // Bounded by the idle time: the event stream's own end normally follows at once.
                throw failures.from(pipe.settle(failed, cutoff.bound(idle)));
            }
            if (signal instanceof ConverseEventPipe.Completed) {
                return false;
            }
            // An event taken at the cutoff is not handled: events the SDK already holds come without a wait.
            if (cutoff.reached()) {
                if (assembler.finished()) {
                    return true;
                }
                if (!begun && signal == null) {
                    // No event by the deadline: the deployment had not begun to answer.
                    throw new ProviderException(name, ProviderException.Kind.TIMEOUT,
                            name + " sent nothing by the request's deadline");
                }
                throw ProviderException.cutUnderWay(name, name + " stream was still under way at the request's deadline");
            }
            begun = true;
            assembler.accept(((ConverseEventPipe.Event) signal).event());
            pipe.requestNext();
        }
    }

    private void awaitCall(CompletableFuture<Void> call) throws InterruptedException {
        try {
            call.get(idle.toNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            throw failures.from(e);
        } catch (TimeoutException e) {
            throw new ProviderException(name, ProviderException.Kind.TIMEOUT, name + " did not end its stream in time");
        }
    }
}
