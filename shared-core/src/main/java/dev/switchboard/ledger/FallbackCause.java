package dev.switchboard.ledger;

import io.micronaut.core.annotation.Introspected;

/** A first choice ("provider/model") that failed, and how many requests then fell back to another deployment. */
@Introspected
public record FallbackCause(String deployment, long fallbacks) {
}
