package dev.switchboard.routing;

import java.util.List;

/**
 * No deployment is on offer for a request, so no strategy can decide: none is configured, or every
 * one fails a constraint of the request ({@link #exclusions()} says which and why).
 */
public final class NoCandidatesException extends RuntimeException {

    private final transient List<Exclusion> exclusions;

    public NoCandidatesException(String message) {
        this(message, List.of());
    }

    public NoCandidatesException(String message, List<Exclusion> exclusions) {
        super(message);
        this.exclusions = List.copyOf(exclusions);
    }

    public List<Exclusion> exclusions() {
        return exclusions;
    }
}
