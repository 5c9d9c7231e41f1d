package dev.switchboard.routing;

import java.util.Objects;
import java.util.Optional;

/**
 * A strategy that always decides when there is a candidate: it ranks them all. Subclasses say how;
 * this base answers "cannot decide" for an empty offer and carries the name.
 */
public abstract class RankingStrategy implements RoutingStrategy {

    private final String name;

    protected RankingStrategy(String name) {
        this.name = Objects.requireNonNull(name);
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final Optional<RoutingDecision> decide(RoutingRequest request) {
        return request.candidates().isEmpty() ? Optional.empty() : Optional.of(rank(request));
    }

    /** Ranks a non-empty offer of candidates. */
    protected abstract RoutingDecision rank(RoutingRequest request);
}
