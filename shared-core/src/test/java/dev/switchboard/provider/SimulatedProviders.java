package dev.switchboard.provider;

import dev.switchboard.config.SimulationConfig;
import dev.switchboard.cost.EstimatingTokenCounter;

import java.util.Set;

/** Builds simulated providers for tests: one model set, a recording sleeper, settings as needed. */
final class SimulatedProviders {

    static final Set<String> MODELS = Set.of("sim-small", "sim-large");

    private String name = "sim";
    private long latencyMs = 100;
    private double failureRate = 0.0;
    private long seed = 42;
    private Sleeper sleeper = new RecordingSleeper();

    static SimulatedProviders simulated() {
        return new SimulatedProviders();
    }

    SimulatedProviders named(String value) {
        this.name = value;
        return this;
    }

    SimulatedProviders latencyMs(long value) {
        this.latencyMs = value;
        return this;
    }

    SimulatedProviders failureRate(double value) {
        this.failureRate = value;
        return this;
    }

    SimulatedProviders seed(long value) {
        this.seed = value;
        return this;
    }

    SimulatedProviders sleeper(Sleeper value) {
        this.sleeper = value;
        return this;
    }

    SimulatedProvider build() {
        return new SimulatedProvider(name, new SimulationConfig(latencyMs, failureRate, seed), MODELS,
                new EstimatingTokenCounter(), sleeper);
    }

    static ChatRequest ask(String prompt) {
        return ask("sim-small", prompt, 1000);
    }

    static ChatRequest ask(String model, String prompt, int maxTokens) {
        return new ChatRequest(model, java.util.List.of(ChatMessage.user(prompt)), maxTokens);
    }
}
