package dev.switchboard.state.dynamodb;

import dev.switchboard.provider.Sleeper;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.util.SplittableRandom;

/** Admission stores on a test's DynamoDB that really pause between conflicting attempts, with seeded jitter. */
public final class TestAdmissionStores {

    private TestAdmissionStores() {
    }

    public static DynamoDbAdmissionStore on(DynamoDbClient dynamo, String prefix, Clock clock) {
        return new DynamoDbAdmissionStore(dynamo, prefix, clock, Sleeper.REAL, new SplittableRandom(1)::nextDouble);
    }
}
