package dev.switchboard.ledger;

import io.micronaut.core.annotation.Introspected;

import java.math.BigDecimal;

/**
 * A deployment whose answers were rated: how many ratings and their mean, and over its priced answers
 * in the same period (cache hits left out) how many there were and their mean cost.
 */
@Introspected
public record RatedDeployment(String provider, String model, long ratings, double avgRating, long requests,
                              BigDecimal avgCost) {
}
