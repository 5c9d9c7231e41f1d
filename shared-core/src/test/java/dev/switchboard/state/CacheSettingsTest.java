package dev.switchboard.state;

import dev.switchboard.config.ConfigurationError;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CacheSettingsTest {

    @Test
    void defaultsAreAnHourAndSizesThatFitADynamoDbItem() {
        CacheSettings defaults = CacheSettings.defaults();

        assertTrue(defaults.enabled());
        assertEquals(Duration.ofHours(1), defaults.ttl());
        assertEquals(8192, defaults.compressAboveBytes());
        assertEquals(350_000, defaults.maxItemBytes());
    }

    @Test
    void badValuesNameThePropertyAndItsVariable() {
        assertNames("ttl", "SWITCHBOARD_CACHE_TTL", () -> CacheSettings.defaults().withTtl(Duration.ZERO));
        assertNames("ttl", "SWITCHBOARD_CACHE_TTL", () -> CacheSettings.defaults().withTtl(Duration.ofMillis(500)));
        assertNames("ttl", "SWITCHBOARD_CACHE_TTL", () -> new CacheSettings(true, null, 0, 350_000));
        assertNames("compress-above-bytes", "SWITCHBOARD_CACHE_COMPRESS_ABOVE_BYTES",
                () -> CacheSettings.defaults().withSizes(-1, 350_000));
        assertNames("max-item-bytes", "SWITCHBOARD_CACHE_MAX_ITEM_BYTES",
                () -> CacheSettings.defaults().withSizes(0, 400_001));
        assertNames("max-item-bytes", "SWITCHBOARD_CACHE_MAX_ITEM_BYTES",
                () -> CacheSettings.defaults().withSizes(0, 350));
        assertEquals(400_000, CacheSettings.defaults().withSizes(0, 400_000).maxItemBytes());
    }

    private static void assertNames(String property, String variable, Runnable build) {
        ConfigurationError error = assertThrows(ConfigurationError.class, build::run);
        assertTrue(error.getMessage().contains("switchboard.cache." + property), error.getMessage());
        assertTrue(error.getMessage().contains(variable), error.getMessage());
    }
}
