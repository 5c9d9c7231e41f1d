package dev.switchboard.service;

import dev.switchboard.api.NoProviderAvailableException;
import dev.switchboard.api.ProviderRejectedException;
import dev.switchboard.provider.ChatProvider;
import dev.switchboard.provider.ChatRequest;
import dev.switchboard.provider.ChatResponse;
import dev.switchboard.provider.ProviderException;
import dev.switchboard.provider.ProviderRegistry;
import dev.switchboard.routing.Candidate;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
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

    public Outcome call(List<Candidate> ranked, Function<Candidate, ChatRequest> requestFor) {
        List<String> failed = new ArrayList<>();
        for (Candidate candidate : ranked) {
            ChatProvider provider = providers.provider(candidate.provider()).orElseThrow(() ->
                    new IllegalStateException("no adapter registered for provider " + candidate.provider()));
            try {
                return new Outcome(candidate, provider.complete(requestFor.apply(candidate)), List.copyOf(failed));
            } catch (ProviderException e) {
                LOG.warn("provider call failed: deployment={} kind={} message={}", candidate.label(), e.kind(),
                        e.getMessage());
                failed.add(candidate.label() + " (" + e.kind().name().toLowerCase(java.util.Locale.ROOT) + ")");
                if (!e.fallbackAllowed()) {
                    throw new ProviderRejectedException(candidate.label(), failed);
                }
            }
        }
        throw new NoProviderAvailableException(failed);
    }
}
