package dev.switchboard.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.util.List;

/**
 * POST /simulate/failure's answer: the deployments marked down (provider/model), from and until when
 * (ISO-8601), and whether every instance was told through the shared state.
 */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record SimulatedFailureResponse(String provider, List<String> deployments, String circuitState,
                                       int durationSeconds, String from, String until, String source) {

    public SimulatedFailureResponse {
        deployments = List.copyOf(deployments);
    }
}
