package dev.switchboard.routing;

import java.util.Objects;

/** A candidate left out of a decision because it fails one of the request's constraints, and why. */
public record Exclusion(String candidate, String reason) {

    public Exclusion {
        Objects.requireNonNull(candidate, "candidate");
        Objects.requireNonNull(reason, "reason");
    }
}
