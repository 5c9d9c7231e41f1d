package dev.switchboard.ledger;

import io.micronaut.core.annotation.Introspected;

/**
 * Answered requests whose deployment's tier is recorded (cache hits left out), and how many of them an
 * economy deployment answered.
 */
@Introspected
public record TierShare(long routed, long economy) {
}
