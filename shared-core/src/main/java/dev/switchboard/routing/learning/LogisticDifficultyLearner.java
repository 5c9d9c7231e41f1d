package dev.switchboard.routing.learning;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * A {@link DifficultyLearner} that is an online logistic regression over {@link PromptFeatures}: each
 * outcome updates running feature statistics and takes one gradient step, so feedback changes it at
 * once; {@link #fit} builds one from a batch, seeded and deterministic. It starts with no data and then
 * answers {@link DifficultyEstimate#unknown()}.
 *
 * <p>Multiple-choice and open prompts are learned wholly apart ({@link ShapeModel}): each shape has its
 * own feature statistics, weights, bias and evidence, so one shape's outcomes never move the other's
 * estimates.
 *
 * <p>Estimate: {@code failureProbability = sigmoid(learned logit + lengthPrior * z(log_chars))}, where
 * z is the prompt's log length in standard deviations from the mean of what was seen of its shape. The
 * prior is added to estimates only, not fitted, so that training subjects where long prompts happen to
 * be easy cannot learn it away (see {@link LearnerOptions#lengthPrior()}).
 *
 * <p>Certainty = evidence × familiarity, both of the prompt's shape. Evidence = n / (n + evidenceScale)
 * for n outcomes of that shape: 0 for a shape never seen (the estimate is then even odds, and the
 * routing strategy declines), ½ at evidenceScale outcomes, approaching 1. Familiarity = min(1, F / d²),
 * where d² is the prompt's squared distance from the mean of its shape's prompts, summed over the F
 * features in standard deviations: for prompts like the training data d² is at most about F (each
 * feature contributes about 1), so familiarity is near 1; a prompt several deviations out on some
 * feature, or with a feature that never varied in training, gets proportionally less.
 *
 * <p>Thread-safe: observations are serialised on this object and publish a new immutable snapshot;
 * estimates read the current snapshot without locking, so they never wait for learning.
 */
public final class LogisticDifficultyLearner implements DifficultyLearner {

    private final LearnerOptions options;
    private volatile LearnerState state;

    /** A learner with no data. */
    public LogisticDifficultyLearner(LearnerOptions options) {
        this(options, LearnerState.empty());
    }

    private LogisticDifficultyLearner(LearnerOptions options, LearnerState state) {
        this.options = Objects.requireNonNull(options, "options");
        this.state = state;
    }

    /**
     * A learner fitted on a batch: for each prompt shape, feature statistics over its examples, then
     * {@code epochs} shuffled passes of gradient steps. The same examples, options and seed of
     * {@code random} give the same state, byte for byte. It can go on learning online afterwards.
     */
    public static LogisticDifficultyLearner fit(List<LabelledOutcome> examples, int epochs,
                                                SplittableRandom random, LearnerOptions options) {
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be at least 1: " + epochs);
        }
        Objects.requireNonNull(random, "random");
        double[][] xs = new double[examples.size()][PromptFeatures.COUNT];
        boolean[] failed = new boolean[examples.size()];
        for (int i = 0; i < xs.length; i++) {
            PromptFeatures.extract(examples.get(i).prompt(), xs[i]);
            failed[i] = examples.get(i).weakModelFailed();
        }
        return new LogisticDifficultyLearner(options, LearnerState.fit(xs, failed, epochs, random, options));
    }

    /** Reads back {@link #toBytes()}; {@link IllegalArgumentException} on bad, truncated or foreign state. */
    public static LogisticDifficultyLearner fromBytes(byte[] bytes) {
        LearnerStateCodec.Decoded decoded = LearnerStateCodec.read(bytes);
        return new LogisticDifficultyLearner(decoded.options(), decoded.state());
    }

    @Override
    public Optional<DifficultyLearner> restore(byte[] bytes) {
        try {
            LearnerStateCodec.Decoded decoded = LearnerStateCodec.read(bytes);
            return decoded.options().equals(options)
                    ? Optional.of(new LogisticDifficultyLearner(options, decoded.state())) : Optional.empty();
        } catch (IllegalArgumentException foreign) {
            return Optional.empty();
        }
    }

    @Override
    public void observe(String prompt, boolean weakModelFailed) {
        double[] x = new double[PromptFeatures.COUNT];
        PromptFeatures.extract(prompt, x);
        synchronized (this) {
            state = state.observe(x, weakModelFailed, options);
        }
    }

    @Override
    public void observe(double[] features, boolean weakModelFailed) {
        if (features.length != PromptFeatures.COUNT) {
            throw new IllegalArgumentException("need " + PromptFeatures.COUNT + " features, got " + features.length);
        }
        double[] x = features.clone();
        synchronized (this) {
            state = state.observe(x, weakModelFailed, options);
        }
    }

    @Override
    public DifficultyEstimate estimate(String prompt) {
        LearnerState current = state;
        if (current.examples() == 0) {
            return DifficultyEstimate.unknown();
        }
        double[] x = new double[PromptFeatures.COUNT];
        PromptFeatures.extract(prompt, x);
        return estimate(current, x);
    }

    /** Reads {@code features} instead of the prompt: the scan took them in its own pass. */
    @Override
    public DifficultyEstimate estimate(String prompt, FeatureVector features) {
        LearnerState current = state;
        if (current.examples() == 0) {
            return DifficultyEstimate.unknown();
        }
        return estimate(current, features.values());
    }

    private DifficultyEstimate estimate(LearnerState current, double[] x) {
        ShapeModel model = current.modelFor(x);
        if (model.examples == 0) {
            return new DifficultyEstimate(0.5, current.examples(), 0);
        }
        double logit = model.learnedLogit(x)
                + options.lengthPrior() * model.standardised(x, PromptFeatures.LOG_CHARS);
        double evidence = model.examples / (model.examples + options.evidenceScale());
        double distance = model.squaredDistance(x);
        double familiarity = distance <= LearnerState.FEATURES ? 1 : LearnerState.FEATURES / distance;
        return new DifficultyEstimate(LearnerState.sigmoid(logit), current.examples(), evidence * familiarity);
    }

    @Override
    public byte[] toBytes() {
        return LearnerStateCodec.write(options, state);
    }

    public LearnerOptions options() {
        return options;
    }
}
