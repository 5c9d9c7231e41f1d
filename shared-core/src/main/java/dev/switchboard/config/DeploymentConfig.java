package dev.switchboard.config;

import dev.switchboard.routing.Tier;

/** One model a provider serves, with its tier and its own rate limits (requests and tokens per minute). */
public record DeploymentConfig(String model, Tier tier, int rpm, int tpm, Capabilities capabilities) {
}
