package dev.switchboard.ledger;

import io.micronaut.core.annotation.Introspected;

import java.math.BigDecimal;

/** Requests answered per provider and model, with tokens, spend and mean latency. */
@Introspected
public record ProviderStat(String provider, String model, long count, long tokensIn, long tokensOut,
                           BigDecimal cost, double avgLatencyMs) {
}
