package dev.switchboard.provider.bedrock;

import dev.switchboard.provider.ProviderException;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;

import java.util.Objects;

/**
 * One Bedrock provider's SDK clients: the synchronous one for Converse, the asynchronous one (on the
 * JDK's HTTP client) for ConverseStream, and the credentials both sign with.
 */
record BedrockClientPair(BedrockRuntimeClient sync, BedrockRuntimeAsyncClient async,
                         AwsCredentialsProvider credentials) implements AutoCloseable {

    BedrockClientPair {
        Objects.requireNonNull(sync, "sync");
        Objects.requireNonNull(async, "async");
        Objects.requireNonNull(credentials, "credentials");
    }

    /**
     * Resolves the credentials before anything is sent: without them the call fails UNAUTHORIZED,
     * like a missing API key, and another provider may still answer. The default chain caches them.
     */
    void requireCredentials(String provider) {
        try {
            credentials.resolveCredentials();
        } catch (RuntimeException e) {
            throw new ProviderException(provider, ProviderException.Kind.UNAUTHORIZED, provider
                    + " has no AWS credentials: set AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, a profile, or a role");
        }
    }

    @Override
    public void close() {
        sync.close();
        async.close();
    }
}
