package dev.switchboard.config;

/**
 * How a simulated provider behaves (seed 002): a mean latency, a share of calls that fail, and the
 * seed that makes both repeatable.
 */
public record SimulationConfig(long latencyMs, double failureRate, long seed) {

    /** Seed 002's mock providers: 10% random failures, seed 42. */
    public static final SimulationConfig DEFAULTS = new SimulationConfig(150, 0.1, 42);
}
