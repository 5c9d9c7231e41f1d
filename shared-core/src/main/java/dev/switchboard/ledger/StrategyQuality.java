package dev.switchboard.ledger;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;

/** Feedback on the requests one strategy routed; means are null when none of that kind was given. */
@Introspected
public record StrategyQuality(String strategy, long feedback, long ratings, @Nullable Double avgRating, long scores,
                              @Nullable Double avgQualityScore) {
}
