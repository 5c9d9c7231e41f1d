package dev.switchboard.routing;

import java.util.Optional;

/** One way of choosing a deployment. Empty means "I cannot decide this one"; the engine then falls back. */
public interface RoutingStrategy {

    String name();

    Optional<RoutingDecision> decide(RoutingRequest request);
}
