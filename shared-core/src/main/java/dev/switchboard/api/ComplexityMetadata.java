package dev.switchboard.api;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.util.List;

/** The complexity score, the prompt's token count, and the signals that moved the score. */
@Serdeable(naming = SnakeCaseStrategy.class)
public record ComplexityMetadata(double complexity, int tokenCount, String tokenCountMethod, List<String> signals) {
}
