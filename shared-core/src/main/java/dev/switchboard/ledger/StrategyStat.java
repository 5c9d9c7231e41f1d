package dev.switchboard.ledger;

import io.micronaut.core.annotation.Introspected;

import java.math.BigDecimal;

/** Successful requests per strategy, with their mean cost and share of high-confidence decisions. */
@Introspected
public record StrategyStat(String strategy, long count, BigDecimal avgCost, long highConfidence) {
}
