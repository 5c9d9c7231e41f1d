package dev.switchboard.config;

import dev.switchboard.routing.Tier;

/**
 * One model a provider serves, with its tier, its own rate limits (requests and tokens per minute),
 * its capabilities, and the operator's priority for it (0 to 10, seed 000's priority bonus).
 */
public record DeploymentConfig(String model, Tier tier, int rpm, int tpm, Capabilities capabilities, int priority) {

    public static final int DEFAULT_PRIORITY = 5;

    public DeploymentConfig(String model, Tier tier, int rpm, int tpm, Capabilities capabilities) {
        this(model, tier, rpm, tpm, capabilities, DEFAULT_PRIORITY);
    }
}
