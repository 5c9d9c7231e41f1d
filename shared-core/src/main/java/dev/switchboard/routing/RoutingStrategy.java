package dev.switchboard.routing;

import java.util.Optional;

/** One way of choosing a deployment. Empty means "I cannot decide this one"; the engine then falls back. */
public interface RoutingStrategy {

    String name();

    Optional<RoutingDecision> decide(RoutingRequest request);

    /** Why {@link #decide} gave nothing for {@code request}, for the fallback's reasoning; asked only then. */
    default String whyDeclined(RoutingRequest request) {
        return name() + " strategy could not decide";
    }
}
