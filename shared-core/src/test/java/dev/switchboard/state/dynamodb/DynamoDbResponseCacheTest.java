package dev.switchboard.state.dynamodb;

import dev.switchboard.state.CacheSettings;
import dev.switchboard.state.ResponseCache;
import dev.switchboard.state.ResponseCacheContract;
import dev.switchboard.state.StateUnavailableException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The DynamoDB adapter (on DynamoDB Local, or LocalStack when selected) against the shared contract. */
class DynamoDbResponseCacheTest extends ResponseCacheContract {

    @RegisterExtension
    static final CountedDynamoDb DB = new CountedDynamoDb("cache-test");

    @Override
    protected ResponseCache cache(CacheSettings settings, Clock clock) {
        return new DynamoDbResponseCache(DB.client(), DB.prefix(), settings, clock);
    }

    @Test
    void aLookupIsOneGetItemAndAStoreOnePutItem() {
        DB.calls().reset();

        cache.put(key("trips"), answer("counted"));
        cache.get(key("trips"));
        cache.get(key("a miss"));

        assertEquals(List.of("PutItem", "GetItem", "GetItem"), DB.calls().operations());
    }

    @Test
    void aSkippedAnswerCostsNoRoundTrip() {
        DB.calls().reset();

        assertFalse(cache.put(key("too large"), answer(incompressible(80_000))));

        assertEquals(0, DB.calls().total());
    }

    @Test
    void aLargeAnswerIsStoredGzippedAndASmallOneAsReadableJson() {
        cache.put(key("small"), answer("short"));
        cache.put(key("large"), answer("all work and no play makes Jack a dull boy. ".repeat(2000)));

        Map<String, AttributeValue> small = raw(key("small").value());
        Map<String, AttributeValue> large = raw(key("large").value());

        assertTrue(small.get(CacheItems.JSON).s().contains("\"short\""));
        assertNull(small.get(CacheItems.JSON_GZIP));
        assertNotNull(large.get(CacheItems.JSON_GZIP).b());
        assertTrue(CacheItems.size(large) < 10_000, "size " + CacheItems.size(large));
        assertEquals(clock.instant().plus(SETTINGS.ttl()).getEpochSecond(),
                Long.parseLong(large.get(SwitchboardTables.CACHE.ttlAttribute()).n()));
    }

    @Test
    void anItemJustUnderTheLargestSizeIsAcceptedByDynamoDb() {
        // Never compressed, so the item's size is the text's; the estimate must never undercount DynamoDB's.
        CacheSettings largest = new CacheSettings(true, SETTINGS.ttl(), Integer.MAX_VALUE,
                CacheSettings.LARGEST_ITEM_BYTES);
        ResponseCache roomy = new DynamoDbResponseCache(DB.client(), DB.prefix(), largest, clock);
        String text = incompressible(CacheSettings.LARGEST_ITEM_BYTES - 400) + "é€😀";

        assertTrue(roomy.put(key("largest"), answer(text)));

        assertEquals(text, roomy.get(key("largest")).orElseThrow().response().text());
        assertTrue(CacheItems.size(raw(key("largest").value())) <= CacheSettings.LARGEST_ITEM_BYTES);
        assertFalse(roomy.put(key("larger"), answer(text + "x".repeat(400))), "past the limit: skipped");
    }

    @Test
    void anUnreadableItemIsAMissNotAnError() {
        String pk = key("corrupt").value();
        Map<String, AttributeValue> item = new HashMap<>(Map.of(
                "pk", AttributeValue.fromS(pk),
                "expires_at", AttributeValue.fromN(Long.toString(clock.instant().getEpochSecond() + 3600)),
                CacheItems.JSON_GZIP, AttributeValue.fromB(SdkBytes.fromUtf8String("not gzip at all"))));
        DB.client().putItem(b -> b.tableName(SwitchboardTables.CACHE.physicalName(DB.prefix())).item(item));

        assertEquals(Optional.empty(), cache.get(key("corrupt")));
    }

    @Test
    void anUnreachableDynamoDbIsReportedAsStateUnavailable() {
        try (DynamoDbClient nowhere = DynamoDbClient.builder().region(Region.US_EAST_1)
                .endpointOverride(URI.create("http://127.0.0.1:9"))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.builder().connectionTimeout(Duration.ofMillis(200)).build())
                .overrideConfiguration(o -> o.apiCallTimeout(Duration.ofSeconds(2)))
                .build()) {
            ResponseCache unreachable = new DynamoDbResponseCache(nowhere, DB.prefix(), SETTINGS, clock);

            assertThrows(StateUnavailableException.class, () -> unreachable.get(key("x")));
            assertThrows(StateUnavailableException.class, () -> unreachable.put(key("x"), answer("x")));
        }
    }

    private static Map<String, AttributeValue> raw(String pk) {
        return DB.client().getItem(b -> b.tableName(SwitchboardTables.CACHE.physicalName(DB.prefix()))
                .key(Map.of("pk", AttributeValue.fromS(pk))).consistentRead(true)).item();
    }
}
