package dev.switchboard.routing.constraint;

import dev.switchboard.routing.Candidate;
import dev.switchboard.routing.Capability;
import dev.switchboard.routing.RoutingRequest;

import java.util.Optional;

/**
 * Each capability the request needs (tools, images, streaming, JSON output, PDF files, a reasoning effort,
 * audio) must be offered by the deployment; of several missing, the first in {@link Capability}'s order is
 * named.
 */
public final class CapabilityConstraint implements CandidateConstraint {

    @Override
    public Optional<String> violation(Candidate candidate, RoutingRequest request) {
        // Asked of every candidate of every request, most of which need nothing: a plain loop, no stream.
        for (Capability needed : request.constraints().needs()) {
            if (!needed.offeredBy(candidate.capabilities())) {
                return Optional.of(needed.missing());
            }
        }
        return Optional.empty();
    }
}
