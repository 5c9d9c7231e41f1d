package dev.switchboard.ledger.jdbc;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/**
 * A row of feedback (V2 migration); columns follow the field names in snake case. {@code lessonOf} is the
 * request's id when the row carries its lesson, null otherwise (V5: one lesson per request).
 */
@MappedEntity("feedback")
public record FeedbackRecord(@Id String id, String requestId, Instant createdAt, String principal,
                             @Nullable Integer rating, @Nullable Double qualityScore, @Nullable String comment,
                             @Nullable String learnerOutcome, @Nullable String lessonOf) {
}
