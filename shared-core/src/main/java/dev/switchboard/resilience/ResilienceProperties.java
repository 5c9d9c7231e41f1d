package dev.switchboard.resilience;

import dev.switchboard.config.ConfigurationError;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * switchboard.resilience.* (SWITCHBOARD_RESILIENCE_FAILURE_THRESHOLD, ..._RECOVERY, ..._MAX_RETRIES,
 * ..._BACKOFF_BASE, ..._BACKOFF_FACTOR, ..._RETRY_AFTER_CAP, ..._REQUEST_DEADLINE, ..._DEADLINE_ENDS_STREAMS),
 * validated at start-up;
 * a bad value fails start-up naming the variable to fix.
 */
@ConfigurationProperties("switchboard.resilience")
public record ResilienceProperties(@Bindable(defaultValue = "3") int failureThreshold,
                                   @Bindable(defaultValue = "60s") Duration recovery,
                                   @Bindable(defaultValue = "3") int maxRetries,
                                   @Bindable(defaultValue = "100ms") Duration backoffBase,
                                   @Bindable(defaultValue = "2") double backoffFactor,
                                   @Bindable(defaultValue = "10s") Duration retryAfterCap,
                                   @Bindable(defaultValue = "120s") Duration requestDeadline,
                                   @Bindable(defaultValue = "false") boolean deadlineEndsStreams) {

    private static final String PREFIX = "switchboard.resilience.";

    public ResilienceSettings settings() {
        try {
            return new ResilienceSettings(failureThreshold, recovery, maxRetries, backoffBase, backoffFactor,
                    retryAfterCap, requestDeadline, deadlineEndsStreams);
        } catch (ResilienceSettings.InvalidSetting e) {
            throw new ConfigurationError(ConfigurationError.setting(PREFIX + e.setting()) + ": " + e.getMessage());
        }
    }
}
