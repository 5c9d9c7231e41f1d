package dev.switchboard.provider.http;

import dev.switchboard.cost.TokenCounter;
import dev.switchboard.provider.ProviderException;
import dev.switchboard.secrets.ApiKey;
import dev.switchboard.secrets.ApiKeySource;
import dev.switchboard.provider.sse.SseEvent;
import dev.switchboard.provider.sse.SseReader;
import java.io.IOException;
import dev.switchboard.provider.ChatRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * What every HTTP adapter needs, injected once into each adapter factory: the transport, the
 * failure classifier, the key source, the timeouts and a token counter for answers that report no
 * usage; and the call and event-stream exchanges every JSON-over-HTTP protocol makes the same way.
 */
public record HttpAdapterSupport(UpstreamHttp http, UpstreamFailures failures, ApiKeySource keys,
                                 UpstreamTimeouts timeouts, TokenCounter tokens, Clock clock) {

    public HttpAdapterSupport {
        Objects.requireNonNull(http, "http");
        Objects.requireNonNull(failures, "failures");
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(timeouts, "timeouts");
        Objects.requireNonNull(tokens, "tokens");
        Objects.requireNonNull(clock, "clock");
    }

    /**
     * How long one call may take: the call timeout, or less when the request's deadline comes
     * sooner. A deadline already passed fails the call as a timeout before anything is sent.
     */
    public Duration callTimeout(String provider, ChatRequest request) {
        if (request.deadline() == null) {
            return timeouts.call();
        }
        Duration left = timeLeft(provider, request.deadline());
        return left.compareTo(timeouts.call()) < 0 ? left : timeouts.call();
    }

    private Duration timeLeft(String provider, Instant deadline) {
        Duration left = Duration.between(clock.instant(), deadline);
        if (left.isNegative() || left.isZero()) {
            throw new ProviderException(provider, ProviderException.Kind.TIMEOUT,
                    provider + " was not called: the request's deadline has passed");
        }
        return left;
    }

    /**
     * POSTs {@code request} and returns the body of a 2xx answer; any other status is thrown as the
     * failure the protocol's {@code errors} reading makes of it.
     */
    public byte[] call(UpstreamRequest request, Function<UpstreamResponse, ProviderException> errors) {
        UpstreamResponse response = http.post(request);
        if (!response.successful()) {
            throw errors.apply(response);
        }
        return response.body();
    }

    /**
     * POSTs {@code request}, made for {@code asked}, for a server-sent event stream and hands each event
     * to {@code events} until it returns false (at the protocol's end marker, which lets the transport keep
     * the connection) or the body ends. A refusal before the stream starts is classified like a call's;
     * a connection that fails mid-stream is thrown as the transport failure it was.
     */
    public void streamEvents(ChatRequest asked, UpstreamRequest request,
                             Function<UpstreamResponse, ProviderException> errors, Predicate<SseEvent> events) {
        // The request's deadline may have shortened the wait for the stream's start; a stream under way is
        // bounded by its silences, each as long as a whole call may take, however near the deadline it began,
        // and, where the deadline ends streams, cut at the deadline however it keeps coming or not.
        Instant end = asked.streamEnd();
        UpstreamRequest streaming = request.withSilence(timeouts.call())
                .withCutoff(end == null ? null : timeLeft(request.provider(), end));
        try (UpstreamStream stream = http.postStreaming(streaming)) {
            if (!stream.successful()) {
                throw errors.apply(stream.readError());
            }
            if (SseReader.read(stream.body(), events)) {
                stream.endMarkerRead();
            }
        } catch (IOException e) {
            throw UpstreamFailures.fromIo(request.provider(), e);
        }
    }

    /**
     * The provider's key, or an UNAUTHORIZED failure that says where to put it: the call is not sent
     * without one, and the next candidate (with its own key) may still answer.
     */
    public ApiKey requiredKey(String provider) {
        return keys.apiKey(provider).orElseThrow(() -> new ProviderException(provider,
                ProviderException.Kind.UNAUTHORIZED, provider + " has no API key: set " + keys.describe(provider)));
    }
}
