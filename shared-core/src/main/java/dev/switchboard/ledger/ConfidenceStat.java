package dev.switchboard.ledger;

import io.micronaut.core.annotation.Introspected;

import java.math.BigDecimal;

/** Successful requests per confidence level, with their mean cost. */
@Introspected
public record ConfidenceStat(String confidence, long count, BigDecimal avgCost) {
}
