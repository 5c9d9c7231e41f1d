package dev.switchboard.routing.scoring;

import java.util.List;

import static dev.switchboard.routing.scoring.LatencyClass.MEDIUM;

/** Builders and shorthands shared by the scorer's tests (and, for {@link #signals()}, the routing tests). */
public final class ScoringFixtures {

    static final double EPS = 1e-9;
    static final double MAX_PRICE = 0.00004;
    static final List<String> FACTOR_KEYS = List.of("health", "priority", "sla", "performance", "capability", "cost");
    static final ProviderScorer DEFAULT_SCORER = new ProviderScorer(ScoringConfig.DEFAULTS);

    private ScoringFixtures() {
    }

    /** Fluent DeploymentSignals, starting from {@link DeploymentSignals#unknown()}. */
    public static final class Signals {
        private boolean circuitOpen;
        private Double successRate;
        private Double p50;
        private Double p95;
        private int priority = DeploymentSignals.DEFAULT_PRIORITY;
        private int capabilities;
        private Double ema;
        private Integer inFlight;

        public Signals open() {
            circuitOpen = true;
            return this;
        }

        public Signals success(Double rate) {
            successRate = rate;
            return this;
        }

        public Signals p50(double ms) {
            p50 = ms;
            return this;
        }

        public Signals p95(double ms) {
            p95 = ms;
            return this;
        }

        public Signals priority(int value) {
            priority = value;
            return this;
        }

        public Signals capabilities(int value) {
            capabilities = value;
            return this;
        }

        public Signals ema(double ms) {
            ema = ms;
            return this;
        }

        public Signals inFlight(int calls) {
            inFlight = calls;
            return this;
        }

        public DeploymentSignals build() {
            return new DeploymentSignals(circuitOpen, successRate, p50, p95, priority, capabilities, ema, inFlight);
        }
    }

    public static Signals signals() {
        return new Signals();
    }

    /** The defaults with the three weights replaced. */
    static ScoringConfig weights(double latency, double cost, double sla) {
        ScoringConfig d = ScoringConfig.DEFAULTS;
        return new ScoringConfig(d.slaUltraLowMs(), d.slaLowMs(), d.slaMediumMs(), d.slaHighMs(), latency, cost, sla);
    }

    /** Scored as the dearest of the candidates, priced. */
    static ProviderScore dearest(Signals s, LatencyClass latencyClass) {
        return DEFAULT_SCORER.score(s.build(), MAX_PRICE, true, MAX_PRICE, latencyClass);
    }

    static double factor(Signals s, LatencyClass latencyClass, String name) {
        return dearest(s, latencyClass).factors().get(name);
    }

    static double costFactor(ProviderScorer scorer, double unitPrice, boolean priced, double maxUnitPrice) {
        return scorer.score(DeploymentSignals.unknown(), unitPrice, priced, maxUnitPrice, MEDIUM).factors().get("cost");
    }

    static double costFactor(double unitPrice, boolean priced, double maxUnitPrice) {
        return costFactor(DEFAULT_SCORER, unitPrice, priced, maxUnitPrice);
    }

    static double target(LatencyClass latencyClass) {
        return ScoringConfig.DEFAULTS.slaTargetMs(latencyClass);
    }
}
