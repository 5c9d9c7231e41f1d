package dev.switchboard.api;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.util.Map;

/** GET /health: "ok" when every dependency answered, "degraded" otherwise, with each check's result. */
@Serdeable(naming = SnakeCaseStrategy.class)
public record HealthResponse(String status, Map<String, String> checks, int providersConfigured) {
}
