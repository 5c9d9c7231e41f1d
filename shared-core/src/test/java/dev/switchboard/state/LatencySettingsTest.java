package dev.switchboard.state;

import dev.switchboard.config.ConfigurationError;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LatencySettingsTest {

    @Test
    void defaultsAreSeed004sAlphaAndAFiveMinuteWindowOfMinuteBuckets() {
        LatencySettings defaults = LatencySettings.defaults();
        assertEquals(0.3, defaults.alpha());
        assertEquals(Duration.ofMinutes(5), defaults.window());
        assertEquals(Duration.ofMinutes(1), defaults.bucket());
        assertEquals(1, defaults.shards());
        assertEquals(6, defaults.bucketsPerSnapshot());
        assertEquals(defaults, new LatencyProperties(Duration.ofMinutes(5), Duration.ofMinutes(1), 0.3, 1).settings());
    }

    @Test
    void bucketsAreAlignedToTheEpochAndTheWindowCoversTheCurrentBucketAndWholeBucketsBefore() {
        LatencySettings defaults = LatencySettings.defaults();
        Instant at = Instant.parse("2026-11-22T12:03:59.999Z");
        assertEquals(Instant.parse("2026-11-22T12:03:00Z").getEpochSecond(), defaults.bucketStartOf(at));
        assertEquals(Instant.parse("2026-11-22T11:58:00Z").getEpochSecond(), defaults.firstBucketStartAt(at));
        assertEquals(Instant.parse("1969-12-31T23:59:00Z").getEpochSecond(),
                defaults.bucketStartOf(Instant.parse("1969-12-31T23:59:30Z")), "floor, not truncation");
    }

    @Test
    void rejectsSettingsThatCannotBeBucketed() {
        Duration minute = Duration.ofMinutes(1);
        assertThrows(IllegalArgumentException.class, () -> new LatencySettings(null, minute, 0.3, 1));
        assertThrows(IllegalArgumentException.class, () -> new LatencySettings(minute, Duration.ofMillis(1500), 0.3, 1));
        assertThrows(IllegalArgumentException.class, () -> new LatencySettings(minute, Duration.ZERO, 0.3, 1));
        assertThrows(IllegalArgumentException.class, () -> new LatencySettings(Duration.ofSeconds(90), minute, 0.3, 1));
        assertThrows(IllegalArgumentException.class, () -> new LatencySettings(Duration.ZERO, minute, 0.3, 1));
        assertThrows(IllegalArgumentException.class, () -> new LatencySettings(Duration.ofHours(2), minute, 0.3, 1));
        assertThrows(IllegalArgumentException.class, () -> new LatencySettings(minute, minute, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new LatencySettings(minute, minute, 1.01, 1));
        assertThrows(IllegalArgumentException.class, () -> new LatencySettings(minute, minute, Double.NaN, 1));
        assertThrows(IllegalArgumentException.class, () -> new LatencySettings(minute, minute, 0.3, 0));
        assertThrows(IllegalArgumentException.class, () -> new LatencySettings(minute, minute, 0.3, 17));
        assertEquals(1, new LatencySettings(minute, minute, 1, 16).bucketsPerSnapshot() - 1);
    }

    @Test
    void badPropertiesNameTheSettings() {
        ConfigurationError error = assertThrows(ConfigurationError.class,
                () -> new LatencyProperties(Duration.ofMinutes(5), Duration.ofMinutes(1), 2, 1).settings());
        assertTrue(error.getMessage().contains("switchboard.state.latency"), error.getMessage());
        assertTrue(error.getMessage().contains("alpha"), error.getMessage());
    }
}
