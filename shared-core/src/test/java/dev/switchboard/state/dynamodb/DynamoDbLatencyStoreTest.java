package dev.switchboard.state.dynamodb;

import dev.switchboard.provider.Sleeper;
import dev.switchboard.state.LatencySettings;
import dev.switchboard.state.LatencyStore;
import dev.switchboard.state.LatencyStoreContract;
import dev.switchboard.state.StateUnavailableException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TransactionConflictException;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The DynamoDB adapter (on DynamoDB Local, or LocalStack when selected) against the shared contract. */
class DynamoDbLatencyStoreTest extends LatencyStoreContract {

    private static final Sleeper NO_WAIT = duration -> { };
    @RegisterExtension
    static final CountedDynamoDb DB = new CountedDynamoDb("latency-test");

    @Override
    protected LatencyStore newStore(LatencySettings settings, Clock clock) {
        return new DynamoDbLatencyStore(DB.client(), DB.prefix(), settings, clock, NO_WAIT);
    }

    @Test
    void recordingIsOneUpdateItem() {
        LatencyStore store = newStore(LatencySettings.defaults(), clock);
        DB.calls().reset();

        store.record(deployment("trips"), Duration.ofMillis(120), true, clock.instant());
        store.record(deployment("trips"), Duration.ofMillis(120), false, clock.instant());

        assertEquals(List.of("UpdateItem", "UpdateItem"), DB.calls().operations());
    }

    @Test
    void anUpdateRefusedForATransactionOnItsShardGoesToTheNextShardAndGivesUpAfterThree() {
        LatencySettings sharded = new LatencySettings(Duration.ofMinutes(5), Duration.ofMinutes(1), 0.3, 4);
        String d = deployment("conflicted");
        AtomicInteger refusals = new AtomicInteger(2);
        List<String> shards = new CopyOnWriteArrayList<>();
        LatencyStore store = new DynamoDbLatencyStore(conflicting(refusals, shards), DB.prefix(), sharded, clock, NO_WAIT);

        store.record(d, Duration.ofMillis(90), true, clock.instant());

        assertEquals(3, shards.size(), "two refused, the third written");
        assertEquals(3, Set.copyOf(shards).size(), "each attempt on another shard: " + shards);
        assertEquals(1, newStore(sharded, clock).snapshot(List.of(d)).of(d).calls(), "recorded once");
        refusals.set(DynamoDbLatencyStore.CONFLICT_ATTEMPTS);
        assertThrows(StateUnavailableException.class, () -> store.record(d, Duration.ofMillis(90), true, clock.instant()));
        assertEquals(1, newStore(sharded, clock).snapshot(List.of(d)).of(d).calls(), "nothing written by the refused");
    }

    @Test
    void withOneShardTheSameItemIsTriedAgainAfterAGrowingPause() {
        String d = deployment("one-shard");
        AtomicInteger refusals = new AtomicInteger(2);
        List<String> tried = new CopyOnWriteArrayList<>();
        List<Duration> pauses = new CopyOnWriteArrayList<>();
        LatencyStore store = new DynamoDbLatencyStore(conflicting(refusals, tried), DB.prefix(),
                LatencySettings.defaults(), clock, pauses::add);

        store.record(d, Duration.ofMillis(90), true, clock.instant());

        assertEquals(1, LatencySettings.defaults().shards());
        assertEquals(3, tried.size());
        assertEquals(1, Set.copyOf(tried).size(), "one item: " + tried);
        assertEquals(List.of(DynamoDbLatencyStore.CONFLICT_PAUSE, DynamoDbLatencyStore.CONFLICT_PAUSE.multipliedBy(2)),
                pauses);
        assertEquals(1, newStore(LatencySettings.defaults(), clock).snapshot(List.of(d)).of(d).calls());
    }

    /** The test DynamoDB, but an update is refused for a transaction on its item while {@code refusals} lasts. */
    private DynamoDbClient conflicting(AtomicInteger refusals, List<String> updatedKeys) {
        return (DynamoDbClient) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {DynamoDbClient.class}, (proxy, method, args) -> {
                    if (method.getName().equals("updateItem")) {
                        UpdateItemRequest update = args[0] instanceof UpdateItemRequest r ? r : UpdateItemRequest.builder()
                                .applyMutation(updateMutation(args[0])).build();
                        updatedKeys.add(update.key().get(SwitchboardTables.STATE.partitionKey()).s());
                        if (refusals.getAndDecrement() > 0) {
                            throw TransactionConflictException.builder().message("Transaction is ongoing for the item")
                                    .statusCode(400).build();
                        }
                    }
                    try {
                        return method.invoke(DB.client(), args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @SuppressWarnings("unchecked")
    private static Consumer<UpdateItemRequest.Builder> updateMutation(Object argument) {
        return (Consumer<UpdateItemRequest.Builder>) argument;
    }

    @Test
    void aSnapshotIsOneBatchGetPerHundredKeys() {
        LatencyStore store = newStore(LatencySettings.defaults(), clock);
        List<String> sixteen = IntStream.range(0, 16).mapToObj(i -> deployment("d" + i)).toList();
        List<String> twenty = IntStream.range(0, 20).mapToObj(i -> deployment("e" + i)).toList();
        store.record(sixteen.get(3), Duration.ofMillis(80), true, clock.instant());

        DB.calls().reset();
        assertEquals(1, store.snapshot(sixteen).of(sixteen.get(3)).calls());
        List<String> oneTrip = DB.calls().operations();
        DB.calls().reset();
        store.snapshot(twenty);
        List<String> twoTrips = DB.calls().operations();
        DB.calls().reset();
        LatencySettings sharded = new LatencySettings(Duration.ofMinutes(5), Duration.ofMinutes(1), 0.3, 4);
        newStore(sharded, clock).snapshot(sixteen);
        List<String> shardedTrips = DB.calls().operations();

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
            LatencyStore unreachable = new DynamoDbLatencyStore(nowhere, DB.prefix(), LatencySettings.defaults(), clock,
                    NO_WAIT);

            assertThrows(StateUnavailableException.class,
                    () -> unreachable.record("a/b", Duration.ofMillis(1), true, clock.instant()));
            assertThrows(StateUnavailableException.class, () -> unreachable.snapshot(Set.of("a/b")));
        }
    }
}
