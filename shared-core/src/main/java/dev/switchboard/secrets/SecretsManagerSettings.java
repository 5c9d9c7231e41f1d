package dev.switchboard.secrets;

import dev.switchboard.config.ConfigurationError;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

import java.net.URI;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * Where provider keys live in Secrets Manager and how long a key read from there is trusted.
 *
 * <p>The providers' keys are in the secret named by {@code namePattern}, in which {@value #STAGE} is
 * replaced by {@code stage}. By default it is one secret per environment, {@code switchboard/prod/providers}
 * for the stage {@code prod}, holding a JSON object of provider name to key (each key a string, or an
 * object with an {@code api_key} field). A pattern with {@value #PROVIDER} in it names one secret per
 * provider instead ({@code switchboard/{stage}/providers/{provider}}), holding the key as a plain string
 * or as a JSON object with an {@code api_key} field. The admin key is in the secret {@code adminNamePattern}
 * names ({@code switchboard/prod/admin}), in either shape. A function needs
 * {@code secretsmanager:GetSecretValue} on those secrets only:
 * {@code arn:aws:secretsmanager:<region>:<account>:secret:switchboard/<stage>/*} (the trailing wildcard
 * also covers the six random characters AWS appends to every secret's ARN).
 *
 * <p>{@code endpoint}, {@code region} and {@code localCredentials} mean what they mean for DynamoDB (see
 * {@code DynamoDbSettings}): set only for a local stand-in; on AWS the SDK's chains are used.
 *
 * @param stage               the deployment stage (dev, staging, prod), required when the pattern uses {@value #STAGE}
 * @param namePattern         the name of the providers' secret; with {@value #PROVIDER}, of each provider's
 * @param adminNamePattern    the name of the admin key's secret
 * @param cacheTtl            how long a key read from Secrets Manager is used before it is read again,
 *                            which is also how long a rotated key may take to be picked up
 * @param retryAfterFailure   while Secrets Manager is down, how long a stale key is used before the next try,
 *                            so that an outage does not add a failed call to every request
 * @param apiCallTimeout      the most one GetSecretValue (with the SDK's own retries) may take
 */
@ConfigurationProperties("switchboard.secrets")
public record SecretsManagerSettings(
        @Nullable String stage,
        @Bindable(defaultValue = DEFAULT_NAME_PATTERN) String namePattern,
        @Bindable(defaultValue = DEFAULT_ADMIN_NAME_PATTERN) String adminNamePattern,
        @Bindable(defaultValue = "5m") Duration cacheTtl,
        @Bindable(defaultValue = "30s") Duration retryAfterFailure,
        @Bindable(defaultValue = "2s") Duration apiCallTimeout,
        @Nullable URI endpoint,
        @Nullable String region,
        @Bindable(defaultValue = "false") boolean localCredentials) {

    public static final String PROVIDER = "{provider}";
    public static final String STAGE = "{stage}";
    public static final String DEFAULT_NAME_PATTERN = "switchboard/" + STAGE + "/providers";
    public static final String DEFAULT_ADMIN_NAME_PATTERN = "switchboard/" + STAGE + "/admin";
    /** One secret per provider, each holding its key alone. */
    public static final String PER_PROVIDER_NAME_PATTERN = "switchboard/" + STAGE + "/providers/" + PROVIDER;

    /** The characters Secrets Manager allows in a secret name. */
    private static final Pattern SECRET_NAME = Pattern.compile("[A-Za-z0-9/_+=.@-]{1,512}");

    public SecretsManagerSettings {
        if (namePattern == null || namePattern.isBlank()) {
            throw invalid("name-pattern", "must name the providers' secret, was '" + namePattern + "'");
        }
        if (adminNamePattern == null || adminNamePattern.isBlank() || adminNamePattern.contains(PROVIDER)) {
            throw invalid("admin-name-pattern", "must name the admin key's secret (without " + PROVIDER + "), was '"
                    + adminNamePattern + "'");
        }
        if (namePattern.contains(STAGE) || adminNamePattern.contains(STAGE)) {
            if (stage == null || stage.isBlank()) {
                throw invalid("stage", "must name the deployment stage (dev, staging, prod): the secret names "
                        + "follow " + namePattern);
            }
            if (!SECRET_NAME.matcher(stage).matches()) {
                throw invalid("stage", "may hold only letters, digits and /_+=.@- , was '" + stage + "'");
            }
        }
        positive("cache-ttl", cacheTtl);
        positive("retry-after-failure", retryAfterFailure);
        positive("api-call-timeout", apiCallTimeout);
    }

    /** The name of the secret that holds this provider's key. */
    public String secretName(String providerName) {
        return staged(namePattern.replace(PROVIDER, providerName));
    }

    /** Whether one secret holds every provider's key, as a JSON object by provider name. */
    public boolean sharedSecret() {
        return !namePattern.contains(PROVIDER);
    }

    /** The name of the secret that holds the admin key. */
    public String adminSecretName() {
        return staged(adminNamePattern);
    }

    private String staged(String name) {
        return stage == null ? name : name.replace(STAGE, stage);
    }

    private static void positive(String setting, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw invalid(setting, "must be longer than 0, was " + value);
        }
    }

    private static ConfigurationError invalid(String setting, String problem) {
        String variable = "SWITCHBOARD_SECRETS_" + setting.toUpperCase(java.util.Locale.ROOT).replace('-', '_');
        return new ConfigurationError("switchboard.secrets." + setting + " (" + variable + ") " + problem);
    }
}
