package dev.switchboard.state.dynamodb;

import dev.switchboard.state.StateUnavailableException;
import dev.switchboard.testing.TestAws;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Daily spend on DynamoDB (Local, or LocalStack when selected) with the real SDK client. */
class DynamoDbDailySpendStoreTest {

    // Far ahead: DynamoDB Local deletes expired items by real time, and these expire some weeks after DAY.
    private static final LocalDate DAY = LocalDate.of(2036, 11, 22);
    private static final String PREFIX = "spend-test-" + ProcessHandle.current().pid() + "-";
    private static DynamoDbClient dynamo;
    private static DynamoDbDailySpendStore store;

    @BeforeAll
    static void createTables() {
        dynamo = TestAws.dynamoDbClient();
        new TableProvisioner(dynamo).createMissing(PREFIX);
        store = new DynamoDbDailySpendStore(dynamo, PREFIX);
    }

    @AfterAll
    static void closeClient() {
        dynamo.close();
    }

    @Test
    void addsExactDecimalsAndKeepsPrincipalsAndDaysApart() {
        store.add("carol", DAY, new BigDecimal("0.0000123456"));
        BigDecimal total = store.add("carol", DAY, new BigDecimal("0.1"));
        store.add("carol", DAY.plusDays(1), new BigDecimal("5"));
        store.add("dave", DAY, new BigDecimal("7"));

        assertEquals(0, new BigDecimal("0.1000123456").compareTo(total));
        assertEquals(0, total.compareTo(store.spentOn("carol", DAY)));
        assertEquals(0, BigDecimal.ZERO.compareTo(store.spentOn("nobody", DAY)));
    }

    @Test
    void concurrentAddsLoseNothing() throws Exception {
        int threads = 8;
        int addsPerThread = 25;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    for (int i = 0; i < addsPerThread; i++) {
                        store.add("erin", DAY, new BigDecimal("0.0001"));
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }

        BigDecimal expected = new BigDecimal("0.0001").multiply(BigDecimal.valueOf((long) threads * addsPerThread));
        assertEquals(0, expected.compareTo(store.spentOn("erin", DAY)), "spend " + store.spentOn("erin", DAY));
    }

    @Test
    void anUnreachableDynamoDbIsReportedAsStateUnavailable() {
        // Port 9 (discard) on loopback: nothing listens, so the connection is refused at once.
        try (DynamoDbClient nowhere = DynamoDbClient.builder().region(Region.US_EAST_1)
                .endpointOverride(URI.create("http://127.0.0.1:9"))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.builder().connectionTimeout(Duration.ofMillis(200)).build())
                .overrideConfiguration(o -> o.apiCallTimeout(Duration.ofSeconds(2)))
                .build()) {
            DynamoDbDailySpendStore unreachable = new DynamoDbDailySpendStore(nowhere, PREFIX);

            assertThrows(StateUnavailableException.class, () -> unreachable.add("x", DAY, BigDecimal.ONE));
            assertThrows(StateUnavailableException.class, () -> unreachable.spentOn("x", DAY));
        }
    }
}
