package dev.switchboard.routing;

import dev.switchboard.routing.scoring.DeploymentSignals;

import java.util.List;

/**
 * Each offered candidate's label and signals, looked up once per decision in the offered order: a
 * label is a new String each time it is asked for, and the engine needs both for every candidate.
 */
final class OfferedSignals {

    private final String[] labels;
    private final DeploymentSignals[] signals;
    private final boolean anyCircuitOpen;

    private OfferedSignals(String[] labels, DeploymentSignals[] signals, boolean anyCircuitOpen) {
        this.labels = labels;
        this.signals = signals;
        this.anyCircuitOpen = anyCircuitOpen;
    }

    static OfferedSignals of(RoutingRequest request) {
        List<Candidate> candidates = request.candidates();
        String[] labels = new String[candidates.size()];
        DeploymentSignals[] signals = new DeploymentSignals[candidates.size()];
        boolean anyOpen = false;
        for (int i = 0; i < labels.length; i++) {
            labels[i] = candidates.get(i).label();
            signals[i] = request.signalsOf(labels[i]);
            anyOpen |= signals[i].circuitOpen();
        }
        return new OfferedSignals(labels, signals, anyOpen);
    }

    /** Whether any offered candidate's circuit is open; when none is, no re-ordering can happen. */
    boolean anyCircuitOpen() {
        return anyCircuitOpen;
    }

    String label(int index) {
        return labels[index];
    }

    DeploymentSignals signals(int index) {
        return signals[index];
    }
}
