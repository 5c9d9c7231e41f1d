package dev.switchboard.testsupport;

import dev.switchboard.state.dynamodb.TableProvisioner;
import dev.switchboard.testing.TestAws;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Properties for an application context that runs against the test stand-ins: the shared DynamoDB
 * (DynamoDB Local, or LocalStack when selected) with this context's own freshly created tables, a
 * fresh in-memory H2 ledger, and simulated providers that answer at once and never fail.
 */
public final class TestEnvironment {

    private static final AtomicInteger NEXT = new AtomicInteger();

    private TestEnvironment() {
    }

    public static Map<String, Object> properties() {
        // One DynamoDB for the whole JVM; each context gets its own tables under a fresh prefix.
        String prefix = "test-" + ProcessHandle.current().pid() + "-" + NEXT.incrementAndGet() + "-";
        try (var dynamo = TestAws.dynamoDbClient()) {
            new TableProvisioner(dynamo).createMissing(prefix);
        }
        Map<String, Object> properties = new HashMap<>(TestAws.micronautProperties());
        properties.put("switchboard.dynamodb.table-prefix", prefix);
        properties.put("switchboard.config", "classpath:fixtures/providers/instant-simulated.yml");
        properties.put("datasources.default.url", H2Ledger.freshUrl());
        return properties;
    }
}
