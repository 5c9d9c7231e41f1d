package dev.switchboard.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.util.List;

/**
 * A virtual key as GET /keys and DELETE /keys/{id} show it: never the key itself, which only POST /keys'
 * answer ever held. {@code budget} is the caps that apply; the times are ISO-8601; {@code expiresAt} is null
 * for a key that works until revoked, {@code revokedAt} null until it is, and {@code models} null when the key may
 * use every model.
 */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record KeyResponse(String id, String user, String name, KeyBudget budget, KeyLimits limits, String createdAt,
                          String expiresAt, String revokedAt, List<String> models) {
}
