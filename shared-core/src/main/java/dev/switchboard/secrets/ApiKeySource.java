package dev.switchboard.secrets;

import java.util.Optional;

/**
 * Where adapters get their provider's key: the environment locally, Secrets Manager on AWS.
 * Adapters ask at call time, so a rotated key is picked up without a restart.
 */
public interface ApiKeySource {

    /**
     * The key for the named provider, or empty when none is configured (a local server may need none).
     * A source backed by a remote store that cannot be read throws
     * {@link dev.switchboard.provider.ProviderException} of kind UNAVAILABLE for that provider, so the
     * fallback chain treats it like the provider being down.
     */
    Optional<ApiKey> apiKey(String providerName);

    /** Where a missing key should be put, for error messages: never the key itself. */
    String describe(String providerName);

    /**
     * The admin key when this source keeps one (Secrets Manager on AWS); empty when it keeps none, as
     * locally, where SWITCHBOARD_ADMIN_KEY sets it. Throws when its store cannot be read.
     */
    default Optional<String> adminKey() {
        return Optional.empty();
    }

    /**
     * Whether this source is where the admin key is kept (Secrets Manager): authentication is then on wherever the
     * gateway runs, not only on Lambda, even before the key is first read.
     */
    default boolean keepsAdminKey() {
        return false;
    }
}
