package dev.switchboard.config;

import dev.switchboard.routing.Capabilities;
import dev.switchboard.routing.Tier;

/**
 * One model a provider serves, with its tier, its own rate limits (requests and tokens per minute),
 * its capabilities, the operator's priority for it (0 to 10, seed 000's priority bonus) and its
 * share of traffic among deployments of the same model under weighted load balancing (1 to 1000),
 * and its price when the providers file gives one (null: the price table's, if it lists the model).
 */
public record DeploymentConfig(String model, Tier tier, int rpm, int tpm, Capabilities capabilities, int priority,
                               int weight, DeclaredPrice price) {

    public static final int DEFAULT_PRIORITY = 5;
    public static final int DEFAULT_WEIGHT = 1;

    public DeploymentConfig(String model, Tier tier, int rpm, int tpm, Capabilities capabilities) {
        this(model, tier, rpm, tpm, capabilities, DEFAULT_PRIORITY, DEFAULT_WEIGHT, null);
    }

    public DeploymentConfig(String model, Tier tier, int rpm, int tpm, Capabilities capabilities, int priority) {
        this(model, tier, rpm, tpm, capabilities, priority, DEFAULT_WEIGHT, null);
    }

    public DeploymentConfig(String model, Tier tier, int rpm, int tpm, Capabilities capabilities, int priority,
                            int weight) {
        this(model, tier, rpm, tpm, capabilities, priority, weight, null);
    }
}
