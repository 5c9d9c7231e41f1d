package dev.switchboard.gateway;

import dev.switchboard.state.dynamodb.DynamoDbSettings;
import dev.switchboard.state.dynamodb.TableProvisioner;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Creates the DynamoDB tables in the embedded DynamoDB Local before the first request. */
@Singleton
@Requires(property = "switchboard.state.store", value = "dynamodb", defaultValue = "dynamodb")
class LocalTableSetup implements ApplicationEventListener<StartupEvent> {

    private final DynamoDbClient dynamo;
    private final DynamoDbSettings settings;

    LocalTableSetup(DynamoDbClient dynamo, DynamoDbSettings settings) {
        this.dynamo = dynamo;
        this.settings = settings;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        new TableProvisioner(dynamo).createMissing(settings.tablePrefix());
    }
}
