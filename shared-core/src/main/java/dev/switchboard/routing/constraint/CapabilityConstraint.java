package dev.switchboard.routing.constraint;

import dev.switchboard.routing.Candidate;
import dev.switchboard.routing.Capabilities;
import dev.switchboard.routing.RoutingRequest;

import java.util.Optional;

/**
 * Tools, images, streaming, JSON output, PDF files and a reasoning effort, when the request needs them, must
 * be offered by the deployment.
 */
public final class CapabilityConstraint implements CandidateConstraint {

    @Override
    public Optional<String> violation(Candidate candidate, RoutingRequest request) {
        RequestConstraints needs = request.constraints();
        Capabilities offers = candidate.capabilities();
        if (needs.needsTools() && !offers.tools()) {
            return Optional.of("does not support tools");
        }
        if (needs.needsVision() && !offers.vision()) {
            return Optional.of("does not support images (vision)");
        }
        if (needs.needsStreaming() && !offers.streaming()) {
            return Optional.of("does not support streaming");
        }
        if (needs.needsJson() && !offers.json()) {
            return Optional.of("does not support JSON output (capability json)");
        }
        if (needs.needsPdf() && !offers.pdf()) {
            return Optional.of("does not read PDF files (capability pdf)");
        }
        if (needs.needsReasoning() && !offers.reasoning()) {
            return Optional.of("does not take a reasoning effort (capability reasoning)");
        }
        return Optional.empty();
    }
}
