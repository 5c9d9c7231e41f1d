package dev.switchboard.state.dynamodb;

import dev.switchboard.provider.Sleeper;
import dev.switchboard.state.AdmissionStoreContract;
import dev.switchboard.state.CacheSettings;
import dev.switchboard.state.LatencySettings;
import dev.switchboard.testsupport.CoreFixture;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A {@link CoreFixture} whose request state (admission, latency, response cache) is on a test's DynamoDB,
 * under fresh tables, its clock moved ten years ahead so that DynamoDB Local's TTL sweeper takes nothing.
 */
record FixtureOnDynamoDb(CoreFixture fixture, DynamoDbAdmissionStore admission, DynamoDbLatencyStore latency) {

    static FixtureOnDynamoDb of(DynamoDbClient dynamo, String prefix) {
        CoreFixture fixture = CoreFixture.builtInLineUp(0, 0, 0);
        new TableProvisioner(dynamo).createMissing(prefix);
        fixture.clock.advance(AdmissionStoreContract.TEN_YEARS);
        DynamoDbAdmissionStore admission = TestAdmissionStores.on(dynamo, prefix, fixture.clock);
        DynamoDbLatencyStore latency = new DynamoDbLatencyStore(dynamo, prefix, LatencySettings.defaults(),
                fixture.clock, Sleeper.REAL);
        fixture.state = new DynamoDbRequestState(dynamo, prefix, admission, latency, CacheSettings.defaults(),
                fixture.clock, Sleeper.REAL);
        fixture.cacheSettings = CacheSettings.defaults();
        return new FixtureOnDynamoDb(fixture, admission, latency);
    }
}
