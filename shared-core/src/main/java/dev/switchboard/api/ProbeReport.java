package dev.switchboard.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.time.Instant;
import java.util.List;

/**
 * What one run of the health probe found, deployment by deployment; {@code skipped} counts the
 * deployments it had no time left to probe (their results say {@link #SKIPPED}).
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record ProbeReport(Instant probedAt, int healthy, int unhealthy, int skipped, List<Result> results) {

    /** The error of a deployment the run had no time left to probe: nothing was learned of it. */
    public static final String SKIPPED = "SKIPPED";

    public ProbeReport(Instant probedAt, int healthy, int unhealthy, List<Result> results) {
        this(probedAt, healthy, unhealthy, 0, results);
    }

    /**
     * One deployment's probe.
     *
     * @param circuit the shared circuit state this probe published (OPEN or CLOSED), or null when it
     *                published nothing (no change called for, or a newer record already stood)
     */
    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Result(String provider, String model, boolean healthy, long latencyMs, String error,
                         String circuit) {
    }
}
