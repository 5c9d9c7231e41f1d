package dev.switchboard.state;

import dev.switchboard.config.ConfigurationError;
import dev.switchboard.provider.ChatResponse;
import dev.switchboard.provider.FinishReason;
import dev.switchboard.provider.Usage;
import dev.switchboard.state.dynamodb.DynamoDbRequestState;
import dev.switchboard.state.dynamodb.DynamoDbResponseCache;
import dev.switchboard.state.dynamodb.DynamoDbSettings;
import dev.switchboard.state.memory.InMemoryResponseCache;
import dev.switchboard.testsupport.H2Ledger;
import dev.switchboard.testsupport.TestEnvironment;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The response cache bean follows switchboard.state.store, and bad cache settings stop start-up. */
class CacheBeansTest {

    private static Map<String, Object> memory(String key, Object value) {
        Map<String, Object> properties = new HashMap<>(Map.of(
                "switchboard.state.store", "memory", "datasources.default.url", H2Ledger.freshUrl()));
        if (key != null) {
            properties.put(key, value);
        }
        return properties;
    }

    @Test
    void theMemoryCacheIsChosenWithStoreMemoryAndTakesTheSettings() {
        try (ApplicationContext context = ApplicationContext.run(memory("switchboard.cache.ttl", "90s"))) {
            assertInstanceOf(InMemoryResponseCache.class, context.getBean(ResponseCache.class));
            assertEquals(Duration.ofSeconds(90), context.getBean(CacheSettings.class).ttl());
            assertEquals(CacheSettings.defaults().withTtl(Duration.ofSeconds(90)), context.getBean(CacheSettings.class));
        }
    }

    @Test
    void theDynamoDbStateIsTheDefaultAndItsCacheReachesItsTable() {
        try (ApplicationContext context = ApplicationContext.run(TestEnvironment.properties())) {
            assertInstanceOf(DynamoDbRequestState.class, context.getBean(RequestState.class));
            assertFalse(context.containsBean(ResponseCache.class), "the request state reads and writes the cache itself");
            ResponseCache cache = new DynamoDbResponseCache(context.getBean(DynamoDbClient.class),
                    context.getBean(DynamoDbSettings.class).tablePrefix(), context.getBean(CacheSettings.class),
                    context.getBean(Clock.class));
            CacheKey key = CacheKey.of("auto:complexity", List.of(), null, null, null);
            CachedResponse answer = new CachedResponse("gemini", new ChatResponse("ok", "gemini-1.5-flash",
                    new Usage(1, 1), FinishReason.STOP), context.getBean(Clock.class).instant(), null);

            assertTrue(cache.put(key, answer));
            assertEquals(Optional.of(answer), cache.get(key));
        }
    }

    @Test
    void anInvalidSettingStopsStartUpNamingIt() {
        Throwable failure = assertThrows(RuntimeException.class,
                () -> ApplicationContext.run(memory("switchboard.cache.max-item-bytes", "500000")).close());
        while (!(failure instanceof ConfigurationError) && failure.getCause() != null) {
            failure = failure.getCause();
        }
        assertInstanceOf(ConfigurationError.class, failure);
        assertTrue(failure.getMessage().contains("switchboard.cache.max-item-bytes"), failure.getMessage());
    }
}
