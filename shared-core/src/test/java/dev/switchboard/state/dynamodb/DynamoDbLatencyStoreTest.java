package dev.switchboard.state.dynamodb;

import dev.switchboard.provider.Sleeper;
import dev.switchboard.state.LatencySettings;
import dev.switchboard.state.LatencyStore;
import dev.switchboard.state.LatencyStoreContract;
import dev.switchboard.state.StateUnavailableException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The DynamoDB adapter (on DynamoDB Local, or LocalStack when selected) against the shared contract. */
class DynamoDbLatencyStoreTest extends LatencyStoreContract {

    private static final String PREFIX = "latency-test-" + ProcessHandle.current().pid() + "-";
    private static final Sleeper NO_WAIT = duration -> { };
    private static final DynamoDbCalls CALLS = new DynamoDbCalls();
    private static DynamoDbClient dynamo;

    @BeforeAll
    static void createTables() {
        dynamo = DynamoDbCalls.countedClient(CALLS);
        new TableProvisioner(dynamo).createMissing(PREFIX);
    }

    @AfterAll
    static void closeClient() {
        dynamo.close();
    }

    @Override
    protected LatencyStore newStore(LatencySettings settings, Clock clock) {
        return new DynamoDbLatencyStore(dynamo, PREFIX, settings, clock, NO_WAIT);
    }

    @Test
    void recordingIsOneUpdateItem() {
        LatencyStore store = newStore(LatencySettings.defaults(), clock);
        CALLS.reset();

        store.record(deployment("trips"), Duration.ofMillis(120), true, clock.instant());
        store.record(deployment("trips"), Duration.ofMillis(120), false, clock.instant());

        assertEquals(List.of("UpdateItem", "UpdateItem"), CALLS.operations());
    }

    @Test
    void aSnapshotIsOneBatchGetPerHundredKeys() {
        LatencyStore store = newStore(LatencySettings.defaults(), clock);
        List<String> sixteen = IntStream.range(0, 16).mapToObj(i -> deployment("d" + i)).toList();
        List<String> twenty = IntStream.range(0, 20).mapToObj(i -> deployment("e" + i)).toList();
        store.record(sixteen.get(3), Duration.ofMillis(80), true, clock.instant());

        CALLS.reset();
        assertEquals(1, store.snapshot(sixteen).of(sixteen.get(3)).calls());
        List<String> oneTrip = CALLS.operations();
        CALLS.reset();
        store.snapshot(twenty);
        List<String> twoTrips = CALLS.operations();
        CALLS.reset();
        LatencySettings sharded = new LatencySettings(Duration.ofMinutes(5), Duration.ofMinutes(1), 0.3, 4);
        newStore(sharded, clock).snapshot(sixteen);
        List<String> shardedTrips = CALLS.operations();

        System.out.println("latency snapshot round trips: 16 deployments x 6 buckets = " + oneTrip.size()
                + ", 20 x 6 = " + twoTrips.size() + ", 16 x 6 x 4 shards = " + shardedTrips.size());
        assertEquals(List.of("BatchGetItem"), oneTrip, "96 keys");
        assertEquals(List.of("BatchGetItem", "BatchGetItem"), twoTrips, "120 keys");
        assertEquals(4, shardedTrips.size(), "384 keys");
    }

    @Test
    void anUnreachableDynamoDbIsReportedAsStateUnavailable() {
        try (DynamoDbClient nowhere = DynamoDbClient.builder().region(Region.US_EAST_1)
                .endpointOverride(URI.create("http://127.0.0.1:9"))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.builder().connectionTimeout(Duration.ofMillis(200)).build())
                .overrideConfiguration(o -> o.apiCallTimeout(Duration.ofSeconds(2)))
                .build()) {
            LatencyStore unreachable = new DynamoDbLatencyStore(nowhere, PREFIX, LatencySettings.defaults(), clock,
                    NO_WAIT);

            assertThrows(StateUnavailableException.class,
                    () -> unreachable.record("a/b", Duration.ofMillis(1), true, clock.instant()));
            assertThrows(StateUnavailableException.class, () -> unreachable.snapshot(Set.of("a/b")));
        }
    }
}
