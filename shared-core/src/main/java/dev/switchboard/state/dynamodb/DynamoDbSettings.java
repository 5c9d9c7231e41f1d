package dev.switchboard.state.dynamodb;

import dev.switchboard.config.ConfigurationError;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

import java.net.URI;
import java.time.Duration;

/**
 * How to reach DynamoDB. {@code endpoint} is set only for DynamoDB Local or LocalStack; on AWS the
 * SDK's regional endpoint is used. {@code region} overrides the SDK's region chain (Lambda sets
 * AWS_REGION; the local gateway names one so that nothing asks an instance-metadata service).
 * {@code localCredentials} makes the client sign with fixed dummy
 * credentials, which local stand-ins accept; it must stay false on AWS.
 *
 * @param tablePrefix     prepended to every table's logical name, one per environment
 * @param apiCallTimeout  the most one DynamoDB call (with the SDK's own retries) may take
 */
// @Context: built at start-up, so a bad value stops the application rather than its first request.
@Context
@ConfigurationProperties("switchboard.dynamodb")
public record DynamoDbSettings(
        @Nullable URI endpoint,
        @Nullable String region,
        @Bindable(defaultValue = "switchboard-") String tablePrefix,
        @Bindable(defaultValue = "2s") Duration apiCallTimeout,
        @Bindable(defaultValue = "false") boolean localCredentials) {

    public DynamoDbSettings {
        if (apiCallTimeout != null && (apiCallTimeout.isNegative() || apiCallTimeout.isZero())) {
            throw new ConfigurationError(ConfigurationError.setting("switchboard.dynamodb.api-call-timeout")
                    + " must be more than 0, not " + apiCallTimeout);
        }
    }
}
