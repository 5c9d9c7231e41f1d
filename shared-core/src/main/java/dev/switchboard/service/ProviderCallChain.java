package dev.switchboard.service;

import dev.switchboard.api.NoProviderAvailableException;
import dev.switchboard.api.ProviderRejectedException;
import dev.switchboard.provider.ChatProvider;
import dev.switchboard.provider.ChatRequest;
import dev.switchboard.provider.ChatResponse;
import dev.switchboard.provider.ProviderException;
import dev.switchboard.provider.StreamChunk;
import dev.switchboard.api.StreamBrokenException;
import dev.switchboard.provider.ProviderRegistry;
import dev.switchboard.routing.Candidate;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Calls the decision's candidates in rank order until one answers. A failure that another
 * deployment might not have (outage, timeout, 429) moves on to the next candidate; a request the
 * provider refused as malformed stops the chain. Retries and circuit breakers arrive with the
 * resilience package; this is the plain fallback walk.
 */
@Singleton
public class ProviderCallChain {

    private static final Logger LOG = LoggerFactory.getLogger(ProviderCallChain.class);

    private final ProviderRegistry providers;

    public ProviderCallChain(ProviderRegistry providers) {
        this.providers = providers;
    }

    /** The candidate that answered, its answer, and every failed attempt before it. */
    public record Outcome(Candidate answeredBy, ChatResponse response, List<String> failedAttempts) {

        public boolean fallbackUsed() {
            return !failedAttempts.isEmpty();
        }
    }

    /** The candidate whose stream finished, its last chunk, and every failed attempt before it. */
    public record StreamOutcome(Candidate answeredBy, StreamChunk last, List<String> failedAttempts) {

        public boolean fallbackUsed() {
            return !failedAttempts.isEmpty();
        }
    }

    /**
     * Streams from the candidates in rank order. A candidate that fails before its first chunk is
     * passed over like a failed call; once a chunk has reached {@code sink}, a failure is final.
     *
     * @throws StreamBrokenException when a stream fails after its first chunk
     */
    public StreamOutcome stream(List<Candidate> ranked, Function<Candidate, ChatRequest> requestFor,
                                Consumer<StreamChunk> sink) {
        List<String> failed = new ArrayList<>();
        for (Candidate candidate : ranked) {
            ChatProvider provider = adapter(candidate);
            int[] sent = {0};
            StreamChunk[] last = {null};
            try {
                provider.stream(requestFor.apply(candidate), chunk -> {
                    sent[0]++;
                    if (chunk.isLast()) {
                        last[0] = chunk;
                    }
                    sink.accept(chunk);
                });
                return new StreamOutcome(candidate, last[0], List.copyOf(failed));
            } catch (ProviderException e) {
                failed(candidate, e, failed);
                if (sent[0] > 0) {
                    throw new StreamBrokenException(candidate.label(), sent[0], failed);
                }
                if (!e.fallbackAllowed()) {
                    throw new ProviderRejectedException(candidate.label(), failed);
                }
            }
        }
        throw new NoProviderAvailableException(failed);
    }

    public Outcome call(List<Candidate> ranked, Function<Candidate, ChatRequest> requestFor) {
        List<String> failed = new ArrayList<>();
        for (Candidate candidate : ranked) {
            ChatProvider provider = adapter(candidate);
            try {
                return new Outcome(candidate, provider.complete(requestFor.apply(candidate)), List.copyOf(failed));
            } catch (ProviderException e) {
                failed(candidate, e, failed);
                if (!e.fallbackAllowed()) {
                    throw new ProviderRejectedException(candidate.label(), failed);
                }
            }
        }
        throw new NoProviderAvailableException(failed);
    }

    private ChatProvider adapter(Candidate candidate) {
        return providers.provider(candidate.provider()).orElseThrow(() ->
                new IllegalStateException("no adapter registered for provider " + candidate.provider()));
    }

    private static void failed(Candidate candidate, ProviderException e, List<String> failed) {
        LOG.warn("provider call failed: deployment={} kind={} message={}", candidate.label(), e.kind(), e.getMessage());
        failed.add(candidate.label() + " (" + e.kind().name().toLowerCase(java.util.Locale.ROOT) + ")");
    }
}
