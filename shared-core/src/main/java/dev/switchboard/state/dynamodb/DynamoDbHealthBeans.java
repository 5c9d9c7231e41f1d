package dev.switchboard.state.dynamodb;

import dev.switchboard.provider.Sleeper;
import dev.switchboard.state.HealthStore;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The shared health store on the DynamoDB client of {@link DynamoDbBeans} (the default store). */
@Factory
@Requires(property = "switchboard.state.store", value = "dynamodb", defaultValue = "dynamodb")
public class DynamoDbHealthBeans {

    @Singleton
    HealthStore healthStore(DynamoDbClient dynamo, DynamoDbSettings settings, Sleeper sleeper) {
        return new DynamoDbHealthStore(dynamo, settings.tablePrefix(), sleeper);
    }
}
