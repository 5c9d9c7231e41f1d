package dev.switchboard.state.dynamodb;

import dev.switchboard.state.AdmissionRequests;
import dev.switchboard.state.AdmissionStore;
import dev.switchboard.state.AdmissionStoreContract;
import dev.switchboard.state.BudgetCaps;
import dev.switchboard.state.RateLimits;
import dev.switchboard.state.Refusal;
import dev.switchboard.state.Reservation;
import dev.switchboard.state.StateUnavailableException;
import dev.switchboard.testing.TestAws;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The admission contract on DynamoDB (Local, or LocalStack when selected), plus its round trips. */
class DynamoDbAdmissionStoreTest extends AdmissionStoreContract {

    @RegisterExtension
    static final CountedDynamoDb DB = new CountedDynamoDb("admission-test");

    @Override
    protected AdmissionStore store(Clock clock) {
        return TestAdmissionStores.on(DB.client(), DB.prefix(), clock);
    }

    @Test
    void aReservationAndAReconcileAreOneRoundTripEach() {
        AdmissionRequests request = AdmissionRequests.to(deployment(), new RateLimits(1L, 10_000L))
                .key("key-" + deployment(), new RateLimits(5L, 10_000L)).by("user-" + deployment(), BudgetCaps.DEFAULT)
                .tokens(400).maxCost("0.02");

        DB.calls().reset();
        Reservation admitted = reserve(request);
        assertEquals(1, DB.calls().total(), "admitted reserve");

        DB.calls().reset();
        refusedBy(Refusal.RateLimited.class, request);
        assertEquals(1, DB.calls().total(), "refused reserve: the old item comes with the cancellation, no read");

        DB.calls().reset();
        store(clock).reconcile(admitted, 350, new BigDecimal("0.015"));
        assertEquals(1, DB.calls().of("TransactWriteItems"), "reconcile");
        assertEquals(1, DB.calls().total(), "reconcile");

        DB.calls().reset();
        store(clock).reconcile(admitted, 400, new BigDecimal("0.02"));
        assertEquals(0, DB.calls().total(), "a reconcile with nothing to change sends nothing");
    }

    @Test
    void anUnreachableDynamoDbIsReportedAsStateUnavailable() {
        try (DynamoDbClient nowhere = DynamoDbClient.builder().region(Region.US_EAST_1)
                .endpointOverride(URI.create("http://127.0.0.1:9"))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.builder().connectionTimeout(Duration.ofMillis(200)).build())
                .overrideConfiguration(o -> o.apiCallTimeout(Duration.ofSeconds(2)))
                .build()) {
            AdmissionStore unreachable = TestAdmissionStores.on(nowhere, DB.prefix(), clock);
            AdmissionRequests request = AdmissionRequests.to(deployment(), RateLimits.rpm(1));

            assertThrows(StateUnavailableException.class, () -> unreachable.reserve(request.build()));
            assertThrows(StateUnavailableException.class,
                    () -> unreachable.spent("x", Refusal.BudgetPeriod.DAILY, now()));
        }
    }
}
