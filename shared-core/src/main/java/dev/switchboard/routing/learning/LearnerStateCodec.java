package dev.switchboard.routing.learning;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;

/**
 * The byte form of a {@link LogisticDifficultyLearner}: magic, version, feature count, the options, then
 * per shape (multiple-choice, then open) its example count, means, squared deviations and weights with
 * bias, as IEEE doubles (big-endian), so a round trip is exact. Reading validates everything, because
 * state may come from storage or a peer. Version 1 (one bias and statistics shared by both shapes) is
 * refused: it cannot be split into the two shapes honestly.
 */
final class LearnerStateCodec {

    private static final int MAGIC = 0x53424C4C; // "SBLL"
    static final int VERSION = 2;
    private static final int OPTIONS = 4;
    /** Offset of the multiple-choice shape's example count, after the header and options. */
    static final int FIRST_SHAPE = 4 + 4 + 4 + 8 * OPTIONS;
    static final int SHAPE_SIZE = 8 + 8 * (2 * ShapeModel.FEATURES + ShapeModel.WEIGHTS);
    static final int SIZE = FIRST_SHAPE + 2 * SHAPE_SIZE;

    private LearnerStateCodec() {
    }

    static byte[] write(LearnerOptions options, LearnerState state) {
        ByteBuffer out = ByteBuffer.allocate(SIZE);
        out.putInt(MAGIC).putInt(VERSION).putInt(ShapeModel.FEATURES);
        out.putDouble(options.learningRate()).putDouble(options.l2()).putDouble(options.lengthPrior())
                .putDouble(options.evidenceScale());
        for (ShapeModel model : new ShapeModel[] {state.choice, state.open}) {
            out.putLong(model.examples);
            for (double[] values : new double[][] {model.means, model.squares, model.weights}) {
                for (double value : values) {
                    out.putDouble(value);
                }
            }
        }
        return out.array();
    }

    /** Options and state read back; {@link IllegalArgumentException} on anything that is not valid state. */
    record Decoded(LearnerOptions options, LearnerState state) {
    }

    static Decoded read(byte[] bytes) {
        if (bytes == null) {
            throw new IllegalArgumentException("learner state is null");
        }
        ByteBuffer in = ByteBuffer.wrap(bytes);
        try {
            if (in.getInt() != MAGIC) {
                throw new IllegalArgumentException("not a logistic difficulty learner's state (wrong magic number)");
            }
            int version = in.getInt();
            if (version != VERSION) {
                throw new IllegalArgumentException("learner state version " + version + "; this build reads " + VERSION
                        + " (retrain to migrate)");
            }
            int features = in.getInt();
            if (features != ShapeModel.FEATURES) {
                throw new IllegalArgumentException("learner state has " + features + " features; this build uses "
                        + ShapeModel.FEATURES);
            }
            LearnerOptions options = new LearnerOptions(in.getDouble(), in.getDouble(), in.getDouble(), in.getDouble());
            ShapeModel choice = shape(in, true);
            ShapeModel open = shape(in, false);
            if (in.hasRemaining()) {
                throw new IllegalArgumentException("learner state has " + in.remaining() + " trailing bytes");
            }
            return new Decoded(options, new LearnerState(choice, open));
        } catch (BufferUnderflowException e) {
            throw new IllegalArgumentException("learner state is truncated: " + bytes.length + " of " + SIZE + " bytes");
        }
    }

    private static ShapeModel shape(ByteBuffer in, boolean choice) {
        String name = choice ? "multiple-choice" : "open";
        long examples = in.getLong();
        double[] means = doubles(in, ShapeModel.FEATURES);
        double[] squares = doubles(in, ShapeModel.FEATURES);
        double[] weights = doubles(in, ShapeModel.WEIGHTS);
        if (examples < 0) {
            throw new IllegalArgumentException("learner state has a negative " + name + " example count: " + examples);
        }
        for (int k = 0; k < means.length; k++) {
            if (!Double.isFinite(means[k]) || !Double.isFinite(squares[k]) || squares[k] < 0) {
                throw new IllegalArgumentException("learner state holds impossible " + name + " statistics for feature "
                        + PromptFeatures.NAMES.get(k));
            }
        }
        for (double w : weights) {
            if (!Double.isFinite(w)) {
                throw new IllegalArgumentException("learner state holds a " + name + " weight that is not finite");
            }
        }
        if (examples == 0 && !(allZero(means) && allZero(squares) && allZero(weights))) {
            throw new IllegalArgumentException("learner state has learned " + name + " values but no " + name
                    + " examples");
        }
        // Every prompt a shape saw was of that shape, so its mean of has_options says which block this is.
        if (examples > 0 && LearnerState.isChoice(means) != choice) {
            throw new IllegalArgumentException("learner state's " + name + " block holds prompts of the other shape");
        }
        return new ShapeModel(examples, means, squares, weights);
    }

    private static boolean allZero(double[] values) {
        for (double v : values) {
            if (v != 0) {
                return false;
            }
        }
        return true;
    }

    private static double[] doubles(ByteBuffer in, int count) {
        double[] values = new double[count];
        for (int k = 0; k < count; k++) {
            values[k] = in.getDouble();
        }
        return values;
    }
}
