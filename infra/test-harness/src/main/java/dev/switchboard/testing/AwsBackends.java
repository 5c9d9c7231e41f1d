package dev.switchboard.testing;

import java.util.function.BooleanSupplier;

/** Starts the selected backend, refusing LocalStack up front when there is no Docker engine to run it. */
final class AwsBackends {

    private AwsBackends() {
    }

    static AwsBackend start(AwsBackendKind kind, BooleanSupplier dockerAvailable) {
        switch (kind) {
            case LOCAL:
                return LocalAwsBackend.start();
            case LOCALSTACK:
                // Falling back to the local backend would report a green LocalStack run that never happened.
                if (!dockerAvailable.getAsBoolean()) {
                    throw new IllegalStateException("The LocalStack test backend was selected ("
                            + AwsBackendKind.PROPERTY + " / " + AwsBackendKind.ENVIRONMENT_VARIABLE
                            + " = localstack) but no Docker engine is reachable. Start Docker, or unselect it"
                            + " to use the in-process backend.");
                }
                return LocalStackAwsBackend.start();
            default:
                throw new IllegalArgumentException("Unknown backend " + kind);
        }
    }
}
