package dev.switchboard.state.dynamodb;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A test class's DynamoDB: one client on the test DynamoDB whose calls are counted, and the tables
 * created under a prefix of the class's own, for the class's whole run. Register it as a static field
 * with {@code @RegisterExtension}.
 */
final class CountedDynamoDb implements BeforeAllCallback, AfterAllCallback {

    private final String prefix;
    private final DynamoDbCalls calls = new DynamoDbCalls();
    private DynamoDbClient client;

    /** {@code name} starts the table prefix, e.g. "cache-test". */
    CountedDynamoDb(String name) {
        this.prefix = name + "-" + ProcessHandle.current().pid() + "-";
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        client = DynamoDbCalls.countedClient(calls);
        new TableProvisioner(client).createMissing(prefix);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        client.close();
    }

    DynamoDbClient client() {
        return client;
    }

    DynamoDbCalls calls() {
        return calls;
    }

    String prefix() {
        return prefix;
    }
}
