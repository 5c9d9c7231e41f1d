package dev.switchboard.routing;

import dev.switchboard.routing.learning.DifficultyEstimate;
import dev.switchboard.routing.learning.DifficultyLearner;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link DifficultyLearner} test double: answers a scripted estimate per prompt (and
 * {@link DifficultyEstimate#unknown()} for any other), or fails when told to, and records every
 * prompt it was asked about and every outcome it was given.
 */
final class ScriptedLearner implements DifficultyLearner {

    record Observation(String prompt, boolean weakModelFailed) {
    }

    final List<String> asked = new ArrayList<>();
    final List<Observation> observed = new ArrayList<>();
    private final Map<String, DifficultyEstimate> estimates = new HashMap<>();
    private RuntimeException failure;

    ScriptedLearner answer(String prompt, double failureProbability, long examples, double certainty) {
        estimates.put(prompt, new DifficultyEstimate(failureProbability, examples, certainty));
        return this;
    }

    ScriptedLearner failWith(RuntimeException e) {
        failure = e;
        return this;
    }

    @Override
    public void observe(String prompt, boolean weakModelFailed) {
        observed.add(new Observation(prompt, weakModelFailed));
    }

    /** Outcomes given as features (feedback) are recorded without a prompt. */
    @Override
    public void observe(double[] features, boolean weakModelFailed) {
        observed.add(new Observation(null, weakModelFailed));
    }

    @Override
    public DifficultyEstimate estimate(String prompt) {
        asked.add(prompt);
        if (failure != null) {
            throw failure;
        }
        return estimates.getOrDefault(prompt, DifficultyEstimate.unknown());
    }

    @Override
    public byte[] toBytes() {
        return new byte[0];
    }
}
