package dev.switchboard.service;

import dev.switchboard.api.InvalidRequestException;
import dev.switchboard.api.ModelNotAllowedException;
import dev.switchboard.routing.Candidate;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Set;

/**
 * The models a virtual key may use (see {@link dev.switchboard.state.VirtualKey#models()}) against the configured
 * deployments: the check when a key is created, and the 403 for a pinned model the key may not use. Routing
 * applies the limit itself, as a constraint.
 */
@Singleton
public final class KeyModels {

    private final CandidateCatalog candidates;

    public KeyModels(CandidateCatalog candidates) {
        this.candidates = candidates;
    }

    /** 400 on {@code models} for an entry that names no configured deployment. */
    void requireConfigured(List<String> entries) {
        for (String entry : entries) {
            // A typo would otherwise leave the key a model short, found out only when a request is refused.
            if (candidates.all().stream().noneMatch(c -> c.namedBy(Set.of(entry), candidates.all()))) {
                throw new InvalidRequestException("models", "'models' entry '" + entry + "' names no configured "
                        + "provider, model or provider/model");
            }
        }
    }

    /**
     * 403 when none of {@code model}'s deployments is among {@code caller}'s models; the message names the models
     * the key may pin, not its entries (a provider's name is not a model).
     */
    void requirePinnable(String model, Caller caller) {
        if (caller.models().isEmpty()) {
            return;
        }
        List<Candidate> usable = candidates.all().stream().filter(c -> c.namedBy(caller.models(), candidates.all()))
                .toList();
        if (usable.stream().noneMatch(c -> c.model().equals(model))) {
            throw new ModelNotAllowedException(model, usable.stream().map(Candidate::model).distinct().toList());
        }
    }
}
