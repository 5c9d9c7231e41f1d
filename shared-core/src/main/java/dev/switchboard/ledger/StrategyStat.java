package dev.switchboard.ledger;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;

import java.math.BigDecimal;

/**
 * Successful requests per strategy, with their mean cost (null when none was priced) and share of
 * high-confidence decisions.
 */
@Introspected
public record StrategyStat(String strategy, long count, @Nullable BigDecimal avgCost, long highConfidence) {
}
