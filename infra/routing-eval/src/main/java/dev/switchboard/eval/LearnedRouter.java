package dev.switchboard.eval;

import dev.switchboard.routing.learning.DifficultyFeatures;
import dev.switchboard.routing.learning.DifficultyModel;
import dev.switchboard.routing.learning.TrainingOptions;

import java.util.List;

/**
 * Shared-core's learned difficulty model as a router: trained on whether the weak model failed each
 * training prompt, it scores a prompt by the probability that the weak model fails it.
 */
final class LearnedRouter implements RouterUnderTest {

    private final TrainingOptions options;
    private DifficultyModel model;

    LearnedRouter(long seed) {
        TrainingOptions d = TrainingOptions.DEFAULTS;
        this.options = new TrainingOptions(d.epochs(), d.learningRate(), d.l2(), seed);
    }

    @Override
    public void train(List<LabelledPrompt> train) {
        model = DifficultyModel.train(
                train.stream().map(p -> DifficultyFeatures.of(p.prompt())).toList(),
                train.stream().map(p -> !p.weakCorrect()).toList(),
                options);
    }

    @Override
    public double score(String prompt) {
        if (model == null) {
            throw new IllegalStateException("the learned router scores only after training");
        }
        return model.failureProbability(DifficultyFeatures.of(prompt));
    }
}
