package dev.switchboard.ledger;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;

import java.math.BigDecimal;

/** Successful requests per confidence level, with their mean cost (null when none was priced). */
@Introspected
public record ConfidenceStat(String confidence, long count, @Nullable BigDecimal avgCost) {
}
