package dev.switchboard.state.dynamodb;

import dev.switchboard.ledger.LedgerOutbox;
import dev.switchboard.provider.Sleeper;
import dev.switchboard.state.LatencyProperties;
import dev.switchboard.state.CacheSettings;
import dev.switchboard.state.RequestState;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

import java.time.Clock;
import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * The DynamoDB client and the state adapters built on it. The URL-connection HTTP client keeps the
 * Lambda artifact small and starts fast; region and credentials come from the SDK's default chains.
 */
@Factory
@Requires(property = "switchboard.state.store", value = "dynamodb", defaultValue = "dynamodb")
public class DynamoDbBeans {

    @Singleton
    @Bean(preDestroy = "close")
    DynamoDbClient dynamoDbClient(DynamoDbSettings settings) {
        DynamoDbClientBuilder builder = DynamoDbClient.builder()
                .httpClient(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(1))
                        .socketTimeout(settings.apiCallTimeout())
                        .build())
                .overrideConfiguration(o -> o.apiCallTimeout(settings.apiCallTimeout()));
        if (settings.region() != null && !settings.region().isBlank()) {
            builder.region(Region.of(settings.region()));
        }
        if (settings.endpoint() != null) {
            builder.endpointOverride(settings.endpoint());
        }
        if (settings.localCredentials()) {
            builder.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")));
        }
        return builder.build();
    }

    @Singleton
    DynamoDbAdmissionStore admissionStore(DynamoDbClient dynamo, DynamoDbSettings settings, Clock clock,
                                          Sleeper sleeper, DoubleSupplier uniform) {
        return new DynamoDbAdmissionStore(dynamo, settings.tablePrefix(), clock, sleeper, uniform);
    }

    @Singleton
    DynamoDbLatencyStore latencyStore(DynamoDbClient dynamo, DynamoDbSettings settings, LatencyProperties latency,
                                      Clock clock, Sleeper sleeper) {
        return new DynamoDbLatencyStore(dynamo, settings.tablePrefix(), latency.settings(), clock, sleeper);
    }

    @Singleton
    RequestState requestState(DynamoDbClient dynamo, DynamoDbSettings settings, DynamoDbAdmissionStore admission,
                              DynamoDbLatencyStore latency, CacheSettings cache, Clock clock, Sleeper sleeper) {
        return new DynamoDbRequestState(dynamo, settings.tablePrefix(), admission, latency, cache, clock, sleeper);
    }

    @Singleton
    LedgerOutbox ledgerOutbox(DynamoDbClient dynamo, DynamoDbSettings settings, Clock clock) {
        return new DynamoDbLedgerOutbox(dynamo, settings.tablePrefix(), clock);
    }
}
