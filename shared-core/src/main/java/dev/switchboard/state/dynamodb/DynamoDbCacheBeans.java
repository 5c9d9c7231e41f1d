package dev.switchboard.state.dynamodb;

import dev.switchboard.state.CacheSettings;
import dev.switchboard.state.ResponseCache;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;

/** The response cache on the DynamoDB client of {@link DynamoDbBeans}, in the cache table. */
@Factory
@Requires(property = "switchboard.state.store", value = "dynamodb", defaultValue = "dynamodb")
public class DynamoDbCacheBeans {

    @Singleton
    ResponseCache responseCache(DynamoDbClient dynamo, DynamoDbSettings settings, CacheSettings cache, Clock clock) {
        return new DynamoDbResponseCache(dynamo, settings.tablePrefix(), cache, clock);
    }
}
