package dev.switchboard.routing.learning;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A logistic model of "the cheap model will get this prompt wrong", over standardised
 * {@link DifficultyFeatures}. It is fitted by seeded stochastic gradient descent, answers in a few
 * hundred nanoseconds, and its whole state (standardisation and weights) serialises to a few
 * hundred bytes so that it can be stored and shared between instances. Immutable.
 */
public final class DifficultyModel {

    private static final int MAGIC = 0x5342444D; // "SBDM"
    private static final int VERSION = 1;

    private final double[] means;
    private final double[] deviations;
    private final double[] weights; // one per feature, then the bias
    private final long examples;

    private DifficultyModel(double[] means, double[] deviations, double[] weights, long examples) {
        this.means = means;
        this.deviations = deviations;
        this.weights = weights;
        this.examples = examples;
    }

    /** Fits a model to prompts' features and whether the cheap model failed each one. */
    public static DifficultyModel train(List<double[]> features, List<Boolean> cheapModelFailed,
                                        TrainingOptions options) {
        if (features.isEmpty() || features.size() != cheapModelFailed.size()) {
            throw new IllegalArgumentException("training needs as many labels as examples, and at least one");
        }
        int width = DifficultyFeatures.NAMES.size();
        double[] means = new double[width];
        double[] deviations = new double[width];
        for (double[] x : features) {
            if (x.length != width) {
                throw new IllegalArgumentException("expected " + width + " features, got " + x.length);
            }
            for (int k = 0; k < width; k++) {
                means[k] += x[k] / features.size();
            }
        }
        for (double[] x : features) {
            for (int k = 0; k < width; k++) {
                deviations[k] += (x[k] - means[k]) * (x[k] - means[k]) / features.size();
            }
        }
        for (int k = 0; k < width; k++) {
            // A constant feature carries nothing; a unit deviation keeps it harmless.
            deviations[k] = deviations[k] > 1e-12 ? Math.sqrt(deviations[k]) : 1.0;
        }
        DifficultyModel model = new DifficultyModel(means, deviations, new double[width + 1], features.size());
        double[][] standardised = features.stream().map(model::standardise).toArray(double[][]::new);
        int[] order = new int[features.size()];
        Arrays.setAll(order, i -> i);
        SplittableRandom random = new SplittableRandom(options.seed());
        for (int epoch = 0; epoch < options.epochs(); epoch++) {
            shuffle(order, random);
            for (int i : order) {
                double error = sigmoid(model.logit(standardised[i])) - (cheapModelFailed.get(i) ? 1 : 0);
                double[] w = model.weights;
                for (int k = 0; k < width; k++) {
                    w[k] -= options.learningRate() * (error * standardised[i][k] + options.l2() * w[k]);
                }
                w[width] -= options.learningRate() * error;
            }
        }
        return model;
    }

    /** The probability that the cheap model fails on a prompt with these features. */
    public double failureProbability(double[] features) {
        return sigmoid(logit(standardise(features)));
    }

    public long examples() {
        return examples;
    }

    public byte[] toBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeInt(means.length);
            out.writeLong(examples);
            for (double[] array : new double[][]{means, deviations, weights}) {
                for (double value : array) {
                    out.writeDouble(value);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static DifficultyModel fromBytes(byte[] state) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(state))) {
            if (in.readInt() != MAGIC || in.readInt() != VERSION) {
                throw new IllegalArgumentException("not a difficulty model state of version " + VERSION);
            }
            int width = in.readInt();
            if (width != DifficultyFeatures.NAMES.size()) {
                throw new IllegalArgumentException("state has " + width + " features; this build uses "
                        + DifficultyFeatures.NAMES.size());
            }
            long examples = in.readLong();
            double[] means = read(in, width);
            double[] deviations = read(in, width);
            double[] weights = read(in, width + 1);
            if (in.available() != 0) {
                throw new IllegalArgumentException("difficulty model state has trailing bytes");
            }
            if (examples < 1 || !allFinite(means) || !allFinite(weights) || !allFinite(deviations)
                    || Arrays.stream(deviations).anyMatch(d -> d <= 0)) {
                throw new IllegalArgumentException("difficulty model state holds impossible values");
            }
            return new DifficultyModel(means, deviations, weights, examples);
        } catch (IOException e) {
            throw new IllegalArgumentException("difficulty model state is truncated", e);
        }
    }

    private double[] standardise(double[] x) {
        double[] z = new double[x.length];
        for (int k = 0; k < x.length; k++) {
            z[k] = (x[k] - means[k]) / deviations[k];
        }
        return z;
    }

    private double logit(double[] standardised) {
        double z = weights[weights.length - 1];
        for (int k = 0; k < standardised.length; k++) {
            z += weights[k] * standardised[k];
        }
        return z;
    }

    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-Math.max(-30, Math.min(30, z))));
    }

    private static double[] read(DataInputStream in, int count) throws IOException {
        double[] values = new double[count];
        for (int k = 0; k < count; k++) {
            values[k] = in.readDouble();
        }
        return values;
    }

    private static boolean allFinite(double[] values) {
        return Arrays.stream(values).allMatch(Double::isFinite);
    }

    private static void shuffle(int[] order, SplittableRandom random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
    }
}
