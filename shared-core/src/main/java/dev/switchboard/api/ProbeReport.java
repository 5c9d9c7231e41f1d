package dev.switchboard.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.time.Instant;
import java.util.List;

/** What one run of the health probe found, deployment by deployment. */
@Serdeable(naming = SnakeCaseStrategy.class)
public record ProbeReport(Instant probedAt, int healthy, int unhealthy, List<Result> results) {

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Result(String provider, String model, boolean healthy, long latencyMs, String error) {
    }
}
