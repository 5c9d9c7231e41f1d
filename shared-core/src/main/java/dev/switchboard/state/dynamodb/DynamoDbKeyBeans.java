package dev.switchboard.state.dynamodb;

import dev.switchboard.state.VirtualKeyStore;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The virtual key store on the shared DynamoDB client (the default store). */
@Factory
@Requires(property = "switchboard.state.store", value = "dynamodb", defaultValue = "dynamodb")
public class DynamoDbKeyBeans {

    @Singleton
    VirtualKeyStore virtualKeyStore(DynamoDbClient dynamo, DynamoDbSettings settings) {
        return new DynamoDbVirtualKeyStore(dynamo, settings.tablePrefix());
    }
}
