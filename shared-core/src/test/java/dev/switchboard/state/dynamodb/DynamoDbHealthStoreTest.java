package dev.switchboard.state.dynamodb;

import dev.switchboard.provider.Sleeper;
import dev.switchboard.state.CircuitRecord;
import dev.switchboard.state.HealthStore;
import dev.switchboard.state.HealthStoreContract;
import dev.switchboard.state.StateUnavailableException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The DynamoDB adapter (on DynamoDB Local, or LocalStack when selected) against the shared contract. */
class DynamoDbHealthStoreTest extends HealthStoreContract {

    private static final Sleeper NO_WAIT = duration -> { };
    @RegisterExtension
    static final CountedDynamoDb DB = new CountedDynamoDb("health-test");
    private final List<DynamoDbClient> otherClients = new ArrayList<>();

    @AfterEach
    void closeOtherClients() {
        otherClients.forEach(DynamoDbClient::close);
    }

    @Override
    protected HealthStore newStore() {
        return new DynamoDbHealthStore(DB.client(), DB.prefix(), NO_WAIT);
    }

    @Override
    protected HealthStore anotherInstancesStore() {
        DynamoDbClient client = DynamoDbCalls.countedClient(new DynamoDbCalls());
        otherClients.add(client);
        return new DynamoDbHealthStore(client, DB.prefix(), NO_WAIT);
    }

    @Test
    void anItemWithoutAChangeTimeIsReplacedByAnyRecord() {
        HealthStore store = newStore();
        String a = deployment("by-hand");
        // An item written by hand (or by a version that wrote no changed_at): a comparison with it is false.
        DB.client().putItem(b -> b.tableName(SwitchboardTables.STATE.physicalName(DB.prefix()))
                .item(Map.of(SwitchboardTables.STATE.partitionKey(), AttributeValue.fromS("health#" + a),
                        SwitchboardTables.STATE.sortKey(), AttributeValue.fromS("circuit"),
                        "deployment", AttributeValue.fromS(a), "state", AttributeValue.fromS("OPEN"))));

        assertEquals(Map.of(), store.snapshot(List.of(a)), "read as no shared verdict, not a failed snapshot");
        assertTrue(store.publish(CircuitRecord.closed(a, T0, CircuitRecord.PROBE)), "the record replaces it");
        assertEquals(CircuitRecord.closed(a, T0, CircuitRecord.PROBE), store.snapshot(List.of(a)).get(a));
    }

    @Test
    void publishingIsOnePutWonOrLost() {
        HealthStore store = newStore();
        String a = deployment("trips");
        DB.calls().reset();

        store.publish(CircuitRecord.open(a, T0, CircuitRecord.INSTANCE, "TIMEOUT"));
        store.publish(CircuitRecord.closed(a, T0, CircuitRecord.PROBE));

        assertEquals(List.of("PutItem", "PutItem"), DB.calls().operations());
    }

    @Test
    void aSnapshotIsOneBatchGetPerHundredDeployments() {
        HealthStore store = newStore();
        List<String> hundred = IntStream.range(0, 100).mapToObj(i -> deployment("d" + i)).toList();
        List<String> hundredAndOne = IntStream.range(0, 101).mapToObj(i -> deployment("e" + i)).toList();

        DB.calls().reset();
        store.snapshot(hundred);
        List<String> oneTrip = DB.calls().operations();
        DB.calls().reset();
        store.snapshot(hundredAndOne);
        List<String> twoTrips = DB.calls().operations();

        System.out.println("health snapshot round trips: 100 deployments = " + oneTrip.size() + ", 101 = "
                + twoTrips.size());
        assertEquals(List.of("BatchGetItem"), oneTrip);
        assertEquals(List.of("BatchGetItem", "BatchGetItem"), twoTrips);
    }

    @Test
    void anUnreachableDynamoDbIsReportedAsStateUnavailable() {
        try (DynamoDbClient nowhere = DynamoDbClient.builder().region(Region.US_EAST_1)
                .endpointOverride(URI.create("http://127.0.0.1:9"))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.builder().connectionTimeout(Duration.ofMillis(200)).build())
                .overrideConfiguration(o -> o.apiCallTimeout(Duration.ofSeconds(2)))
                .build()) {
            HealthStore unreachable = new DynamoDbHealthStore(nowhere, DB.prefix(), NO_WAIT);

            assertThrows(StateUnavailableException.class,
                    () -> unreachable.publish(CircuitRecord.open("a/b", T0, CircuitRecord.INSTANCE, null)));
            assertThrows(StateUnavailableException.class, () -> unreachable.snapshot(Set.of("a/b")));
        }
    }
}
