package dev.switchboard.gateway;

import dev.switchboard.secrets.ApiKey;
import dev.switchboard.secrets.ApiKeySource;
import dev.switchboard.secrets.SecretsBeans;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * In gateway tests, every provider's key is the one named by test.api-key: a test cannot set the
 * process environment the production key source reads.
 */
@Singleton
@Requires(property = "test.api-key")
@Replaces(bean = ApiKeySource.class, factory = SecretsBeans.class)
final class FixedApiKeys implements ApiKeySource {

    private final String key;

    FixedApiKeys(@Value("${test.api-key}") String key) {
        this.key = key;
    }

    @Override
    public Optional<ApiKey> apiKey(String providerName) {
        return Optional.of(new ApiKey(key));
    }

    @Override
    public String describe(String providerName) {
        return "test.api-key";
    }
}
