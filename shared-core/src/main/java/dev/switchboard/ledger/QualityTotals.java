package dev.switchboard.ledger;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;

/** Feedback over a period: submissions, ratings and quality scores given, and their means (null with none). */
@Introspected
public record QualityTotals(long feedback, long ratings, @Nullable Double avgRating, long scores,
                            @Nullable Double avgQualityScore) {
}
