package dev.switchboard.routing.learning;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;

/**
 * The byte form of a {@link LogisticDifficultyLearner}: magic, version, feature count, the options,
 * the example count, then means, squared deviations and weights as IEEE doubles (big-endian), so a
 * round trip is exact. Reading validates everything, because state may come from storage or a peer.
 */
final class LearnerStateCodec {

    private static final int MAGIC = 0x53424C4C; // "SBLL"
    private static final int VERSION = 1;
    private static final int OPTIONS = 4;
    static final int SIZE = 4 + 4 + 4 + 8 * OPTIONS + 8
            + 8 * (2 * LearnerState.FEATURES + LearnerState.WEIGHTS);

    private LearnerStateCodec() {
    }

    static byte[] write(LearnerOptions options, LearnerState state) {
        ByteBuffer out = ByteBuffer.allocate(SIZE);
        out.putInt(MAGIC).putInt(VERSION).putInt(LearnerState.FEATURES);
        out.putDouble(options.learningRate()).putDouble(options.l2()).putDouble(options.lengthPrior())
                .putDouble(options.evidenceScale());
        out.putLong(state.examples);
        for (double[] values : new double[][] {state.means, state.squares, state.weights}) {
            for (double value : values) {
                out.putDouble(value);
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
                throw new IllegalArgumentException("learner state version " + version + "; this build reads " + VERSION);
            }
            int features = in.getInt();
            if (features != LearnerState.FEATURES) {
                throw new IllegalArgumentException("learner state has " + features + " features; this build uses "
                        + LearnerState.FEATURES);
            }
            LearnerOptions options = new LearnerOptions(in.getDouble(), in.getDouble(), in.getDouble(), in.getDouble());
            long examples = in.getLong();
            double[] means = doubles(in, LearnerState.FEATURES);
            double[] squares = doubles(in, LearnerState.FEATURES);
            double[] weights = doubles(in, LearnerState.WEIGHTS);
            if (in.hasRemaining()) {
                throw new IllegalArgumentException("learner state has " + in.remaining() + " trailing bytes");
            }
            validate(examples, means, squares, weights);
            return new Decoded(options, new LearnerState(examples, means, squares, weights));
        } catch (BufferUnderflowException e) {
            throw new IllegalArgumentException("learner state is truncated: " + bytes.length + " of " + SIZE + " bytes");
        }
    }

    private static void validate(long examples, double[] means, double[] squares, double[] weights) {
        if (examples < 0) {
            throw new IllegalArgumentException("learner state has a negative example count: " + examples);
        }
        for (int k = 0; k < means.length; k++) {
            if (!Double.isFinite(means[k]) || !Double.isFinite(squares[k]) || squares[k] < 0) {
                throw new IllegalArgumentException("learner state holds impossible statistics for feature "
                        + PromptFeatures.NAMES.get(k));
            }
        }
        for (double w : weights) {
            if (!Double.isFinite(w)) {
                throw new IllegalArgumentException("learner state holds a weight that is not finite");
            }
        }
        if (examples == 0 && !(allZero(means) && allZero(squares) && allZero(weights))) {
            throw new IllegalArgumentException("learner state has learned values but no examples");
        }
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
