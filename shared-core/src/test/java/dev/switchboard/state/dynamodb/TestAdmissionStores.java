package dev.switchboard.state.dynamodb;

import dev.switchboard.provider.Sleeper;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Admission stores on a test's DynamoDB that really pause between conflicting attempts. Each store
 * draws its jitter from its own seed, as instances do, so that stores in one test do not pause in step;
 * {@link Random} because many threads share a store.
 */
public final class TestAdmissionStores {

    private static final AtomicLong SEEDS = new AtomicLong(1);

    private TestAdmissionStores() {
    }

    public static DynamoDbAdmissionStore on(DynamoDbClient dynamo, String prefix, Clock clock) {
        return new DynamoDbAdmissionStore(dynamo, prefix, clock, Sleeper.REAL,
                new Random(SEEDS.getAndIncrement())::nextDouble);
    }
}
