package dev.switchboard.state;

import dev.switchboard.config.ConfigurationError;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/** The latency aggregation settings (switchboard.state.latency.*), validated at start-up. */
// @Context: built at start-up, so a bad value stops the application rather than its first request.
@Context
@ConfigurationProperties("switchboard.state.latency")
public record LatencyProperties(@Bindable(defaultValue = "5m") Duration window,
                                @Bindable(defaultValue = "1m") Duration bucket,
                                @Bindable(defaultValue = "0.3") double alpha,
                                @Bindable(defaultValue = "1") int shards) {

    public LatencyProperties {
        settings(window, bucket, alpha, shards);
    }

    public LatencySettings settings() {
        return settings(window, bucket, alpha, shards);
    }

    private static LatencySettings settings(Duration window, Duration bucket, double alpha, int shards) {
        try {
            return new LatencySettings(window, bucket, alpha, shards);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationError("SWITCHBOARD_STATE_LATENCY_WINDOW, _BUCKET, _ALPHA, _SHARDS "
                    + "(switchboard.state.latency.*) = " + window + ", " + bucket + ", " + alpha + ", " + shards
                    + ": " + e.getMessage());
        }
    }
}
