package dev.switchboard.ledger;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;

/** Feedback on the answers of one provider and model; means are null when none of that kind was given. */
@Introspected
public record ProviderQuality(String provider, String model, long feedback, long ratings, @Nullable Double avgRating,
                              long scores, @Nullable Double avgQualityScore) {
}
