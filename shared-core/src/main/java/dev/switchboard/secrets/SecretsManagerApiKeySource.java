package dev.switchboard.secrets;

import dev.switchboard.provider.ProviderException;
import io.micronaut.json.JsonMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Provider keys read from AWS Secrets Manager, one secret per provider (see {@link SecretsManagerSettings}),
 * each kept in-process for {@code cacheTtl} so that a request does not pay a Secrets Manager call and a
 * rotated key is picked up within that time.
 *
 * <ul>
 *   <li>No such secret: empty, and the adapter fails UNAUTHORIZED naming the secret to create. The absence
 *       is cached like a key, so a secret created later is seen within {@code cacheTtl}.</li>
 *   <li>A secret in neither accepted shape: {@link ProviderException} UNAUTHORIZED naming the secret.</li>
 *   <li>Secrets Manager unreachable, refusing or failing: {@link ProviderException#keyUnreadable}, UNAVAILABLE
 *       for that provider, so the fallback chain moves on to the next candidate, but counted against no
 *       deployment's breaker (the provider is not known to be down), not asked again within the request, and
 *       thrown again without a read until {@code retryAfterFailure} has passed;
 *       if a key was read before, that stale key is used instead (logged at WARN) and Secrets Manager is
 *       asked again only after {@code retryAfterFailure}.</li>
 * </ul>
 * Messages and logs name the provider, the secret and AWS's error code, never a key or AWS's error text.
 */
public final class SecretsManagerApiKeySource implements ApiKeySource, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SecretsManagerApiKeySource.class);

    private final SecretsManagerClient client;
    private final SecretsManagerSettings settings;
    private final SecretKeyFormat format;
    private final Clock clock;
    private final Map<String, Entry> cache = new ConcurrentHashMap<>();

    public SecretsManagerApiKeySource(SecretsManagerClient client, SecretsManagerSettings settings, JsonMapper json,
                                      Clock clock) {
        this.client = Objects.requireNonNull(client, "client");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.format = new SecretKeyFormat(Objects.requireNonNull(json, "json"));
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Optional<ApiKey> apiKey(String providerName) {
        Instant now = clock.instant();
        Entry cached = cache.get(providerName);
        if (cached != null && now.isBefore(cached.refreshAt())) {
            if (cached.failure() != null) {
                throw ProviderException.keyUnreadable(providerName, cached.failure());
            }
            return cached.key();
        }
        String secret = settings.secretName(providerName);
        try {
            Optional<ApiKey> key = read(providerName, secret);
            cache.put(providerName, new Entry(key, now, now.plus(settings.cacheTtl()), null));
            return key;
        } catch (SdkException e) {
            String cause = errorCode(e);
            if (cached != null && cached.failure() == null && cached.key().isPresent()) {
                // A key that worked minutes ago almost certainly still works; refusing it would turn a
                // Secrets Manager outage into an outage of every provider.
                Duration age = Duration.between(cached.readAt(), now);
                LOG.warn("Secrets Manager could not be read ({}) for provider {}: using the key read from secret {} "
                        + "{}s ago, next try in {}s", cause, providerName, secret, age.toSeconds(),
                        settings.retryAfterFailure().toSeconds());
                afterFailedRead(providerName, cached, new Entry(cached.key(), cached.readAt(),
                        now.plus(settings.retryAfterFailure()), null));
                return cached.key();
            }
            // Nothing to fall back on: failed fast until the pause is over, so that a Secrets Manager outage costs
            // a request one read per provider at most, not one per deployment and try.
            LOG.warn("Secrets Manager could not be read ({}) for provider {} (secret {}), and no key was read before: "
                    + "its calls fail for {}s, then it is asked again", cause, providerName, secret,
                    settings.retryAfterFailure().toSeconds());
            String unreadable = providerName + "'s API key could not be read from AWS Secrets Manager (secret " + secret
                    + "): " + cause;
            afterFailedRead(providerName, cached, Entry.failed(unreadable, now, now.plus(settings.retryAfterFailure())));
            throw ProviderException.keyUnreadable(providerName, unreadable);
        }
    }

    /**
     * Keeps what a failed read leaves, unless another thread stored something since {@code seen} was read: a key
     * read meanwhile must not give way to a failure, or a rotated key to the stale one.
     */
    private void afterFailedRead(String providerName, Entry seen, Entry next) {
        if (seen == null) {
            cache.putIfAbsent(providerName, next);
        } else {
            cache.replace(providerName, seen, next);
        }
    }

    @Override
    public String describe(String providerName) {
        return settings.sharedSecret()
                ? "the field \"" + providerName + "\" of the AWS Secrets Manager secret "
                        + settings.secretName(providerName) + " (" + SecretKeyFormat.EXPECTED_SHARED + ")"
                : "the AWS Secrets Manager secret " + settings.secretName(providerName) + " ("
                        + SecretKeyFormat.EXPECTED + ")";
    }

    @Override
    public void close() {
        client.close();
    }

    private Optional<ApiKey> read(String providerName, String secret) {
        String secretString;
        try {
            secretString = client.getSecretValue(request -> request.secretId(secret)).secretString();
        } catch (ResourceNotFoundException e) {
            return Optional.empty();
        }
        if (settings.sharedSecret()) {
            try {
                return format.readShared(secretString, providerName);
            } catch (SecretKeyFormat.UnusableSecretException e) {
                throw unusable(providerName, secret, SecretKeyFormat.EXPECTED_SHARED);
            }
        }
        return Optional.of(format.read(secretString).orElseThrow(() ->
                unusable(providerName, secret, SecretKeyFormat.EXPECTED)));
    }

    private static ProviderException unusable(String providerName, String secret, String expected) {
        return new ProviderException(providerName, ProviderException.Kind.UNAUTHORIZED, "the AWS Secrets Manager "
                + "secret " + secret + " holds no usable API key for " + providerName + ": expected " + expected);
    }

    @Override
    public boolean keepsAdminKey() {
        return true;
    }

    /**
     * The admin key from its secret (either shape), read once when asked; empty when there is no such
     * secret, or when it holds no usable key: an operator who overwrote a leaked key with a wrong shape
     * meant to end it, so the old key must not live on (logged as an error). Secrets Manager failing
     * throws, naming only AWS's error code: then the key read before stays.
     */
    @Override
    public Optional<String> adminKey() {
        String secret = settings.adminSecretName();
        try {
            String value = client.getSecretValue(request -> request.secretId(secret)).secretString();
            Optional<String> key = format.read(value).map(k -> k.reveal());
            if (key.isEmpty()) {
                LOG.error("the AWS Secrets Manager secret {} holds no usable admin key (expected {}): no admin key "
                        + "is accepted until it does", secret, SecretKeyFormat.EXPECTED);
            }
            return key;
        } catch (ResourceNotFoundException e) {
            return Optional.empty();
        } catch (SdkException e) {
            throw new IllegalStateException("the admin key could not be read from AWS Secrets Manager (secret "
                    + secret + "): " + errorCode(e), null);
        }
    }

    /** AWS's error code, or the kind of client failure: enough to act on, and never AWS's own text. */
    private static String errorCode(SdkException e) {
        if (e instanceof AwsServiceException service && service.awsErrorDetails() != null
                && service.awsErrorDetails().errorCode() != null) {
            return service.awsErrorDetails().errorCode() + " (HTTP " + service.statusCode() + ")";
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e ? e.getClass().getSimpleName()
                : e.getClass().getSimpleName() + " caused by " + root.getClass().getSimpleName();
    }

    /**
     * A read of one provider's secret: the key (or its absence), when it was read, when to read it again; or a read
     * that failed with nothing to fall back on, its {@code failure} (the message) thrown again until then.
     */
    private record Entry(Optional<ApiKey> key, Instant readAt, Instant refreshAt, String failure) {

        static Entry failed(String failure, Instant at, Instant retryAt) {
            return new Entry(Optional.empty(), at, retryAt, failure);
        }
    }
}
