package dev.switchboard.gateway;

import dev.switchboard.localaws.DynamoDbLocalServer;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.ShutdownEvent;
import jakarta.inject.Singleton;

/** Stops the embedded DynamoDB Local when the gateway's context shuts down, however that happens. */
@Singleton
@Requires(beans = DynamoDbLocalServer.class)
class LocalDynamoDbShutdown implements ApplicationEventListener<ShutdownEvent> {

    private final DynamoDbLocalServer dynamo;

    LocalDynamoDbShutdown(DynamoDbLocalServer dynamo) {
        this.dynamo = dynamo;
    }

    @Override
    public void onApplicationEvent(ShutdownEvent event) {
        dynamo.close();
    }
}
