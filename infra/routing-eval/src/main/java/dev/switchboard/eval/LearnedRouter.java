package dev.switchboard.eval;

import dev.switchboard.routing.learning.DifficultyLearner;
import dev.switchboard.routing.learning.LabelledOutcome;
import dev.switchboard.routing.learning.LearnerOptions;
import dev.switchboard.routing.learning.LogisticDifficultyLearner;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Shared-core's {@link LogisticDifficultyLearner} with its default options, as the routing strategy uses
 * it: fitted on the training prompts, it scores a prompt by its estimated failure probability.
 *
 * <p>Label: a prompt counts as "weak model failed" only when the weak model was wrong and the strong model
 * right, the prompts routing can fix. Prompts both models get wrong gain nothing from the strong model,
 * so learning to send them there spends calls for no quality (measured: README).
 *
 * <p>Its {@link #state()} is the learner's {@code toBytes()}, which the gateway loads with
 * {@code LogisticDifficultyLearner.fromBytes}.
 */
final class LearnedRouter implements StatefulRouter {

    /** Passes over the training prompts in batch fitting. */
    static final int EPOCHS = 30;

    private final long seed;
    private DifficultyLearner learner;

    LearnedRouter(long seed) {
        this.seed = seed;
    }

    @Override
    public void train(List<LabelledPrompt> train) {
        List<LabelledOutcome> outcomes = train.stream()
                .map(p -> new LabelledOutcome(p.prompt(), !p.weakCorrect() && p.strongCorrect()))
                .toList();
        learner = LogisticDifficultyLearner.fit(outcomes, EPOCHS, new SplittableRandom(seed), LearnerOptions.DEFAULTS);
    }

    @Override
    public double score(String prompt) {
        return trained().estimate(prompt).failureProbability();
    }

    @Override
    public byte[] state() {
        return trained().toBytes();
    }

    private DifficultyLearner trained() {
        if (learner == null) {
            throw new IllegalStateException("the learned router scores and has state only after training");
        }
        return learner;
    }
}
