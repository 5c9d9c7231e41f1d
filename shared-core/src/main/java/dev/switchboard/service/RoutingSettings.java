package dev.switchboard.service;

import dev.switchboard.routing.ComplexityThresholds;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/** Tier boundaries of the complexity rule (switchboard.routing.*), validated at start-up. */
@ConfigurationProperties("switchboard.routing")
public record RoutingSettings(@Bindable(defaultValue = "0.3") double standardFrom,
                              @Bindable(defaultValue = "0.6") double premiumFrom,
                              @Bindable(defaultValue = "0.05") double boundaryMargin) {

    public ComplexityThresholds thresholds() {
        try {
            return new ComplexityThresholds(standardFrom, premiumFrom, boundaryMargin);
        } catch (IllegalArgumentException e) {
            throw new dev.switchboard.config.ConfigurationError("SWITCHBOARD_ROUTING_STANDARD_FROM="
                    + standardFrom + ", SWITCHBOARD_ROUTING_PREMIUM_FROM=" + premiumFrom
                    + ", SWITCHBOARD_ROUTING_BOUNDARY_MARGIN=" + boundaryMargin + " (switchboard.routing.*): "
                    + e.getMessage());
        }
    }
}
