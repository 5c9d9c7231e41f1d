package dev.switchboard.state;

import dev.switchboard.config.ConfigurationError;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/** The latency aggregation settings (switchboard.state.latency.*), validated at start-up. */
@ConfigurationProperties("switchboard.state.latency")
public record LatencyProperties(@Bindable(defaultValue = "5m") Duration window,
                                @Bindable(defaultValue = "1m") Duration bucket,
                                @Bindable(defaultValue = "0.3") double alpha,
                                @Bindable(defaultValue = "1") int shards) {

    public LatencySettings settings() {
        try {
            return new LatencySettings(window, bucket, alpha, shards);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationError("switchboard.state.latency.window=" + window + ", .bucket=" + bucket
                    + ", .alpha=" + alpha + ", .shards=" + shards + ": " + e.getMessage());
        }
    }
}
