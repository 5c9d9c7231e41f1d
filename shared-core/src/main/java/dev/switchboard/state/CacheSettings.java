package dev.switchboard.state;

import dev.switchboard.config.ConfigurationError;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * switchboard.cache.* (SWITCHBOARD_CACHE_ENABLED, ..._TTL, ..._COMPRESS_ABOVE_BYTES, ..._MAX_ITEM_BYTES),
 * validated when the application starts: a bad value stops it with a message naming the property.
 *
 * @param enabled            whether answers are looked up in and stored to the cache at all
 * @param ttl                how long an answer is served from the cache; at least one second, since
 *                           expiry is kept in whole seconds (DynamoDB's TTL attribute)
 * @param compressAboveBytes answers whose encoded form is larger than this are stored gzipped
 * @param maxItemBytes       the largest stored entry; an answer larger than this even compressed is
 *                           skipped. At most 400,000: DynamoDB refuses items above 400 KB
 */
// @Context: built at start-up, so a bad value stops the application rather than its first request.
@Context
@ConfigurationProperties("switchboard.cache")
public record CacheSettings(@Bindable(defaultValue = "true") boolean enabled,
                            @Bindable(defaultValue = "1h") Duration ttl,
                            @Bindable(defaultValue = "8192") int compressAboveBytes,
                            @Bindable(defaultValue = "350000") int maxItemBytes) {

    public static final Duration DEFAULT_TTL = Duration.ofHours(1);
    public static final int DEFAULT_COMPRESS_ABOVE_BYTES = 8 * 1024;
    public static final int DEFAULT_MAX_ITEM_BYTES = 350_000;
    /** DynamoDB's item limit is 400 KB; keep clear of it. */
    public static final int LARGEST_ITEM_BYTES = 400_000;
    /** Below this nearly every answer would be skipped: most likely a value meant in KB. */
    public static final int SMALLEST_ITEM_BYTES = 1024;

    private static final String PREFIX = "switchboard.cache.";

    public CacheSettings {
        if (ttl == null || ttl.compareTo(Duration.ofSeconds(1)) < 0) {
            throw invalid("ttl", "must be at least 1s: " + ttl);
        }
        if (compressAboveBytes < 0) {
            throw invalid("compress-above-bytes", "must not be negative: " + compressAboveBytes);
        }
        if (maxItemBytes < SMALLEST_ITEM_BYTES || maxItemBytes > LARGEST_ITEM_BYTES) {
            throw invalid("max-item-bytes", "must be between " + SMALLEST_ITEM_BYTES + " and " + LARGEST_ITEM_BYTES
                    + ": " + maxItemBytes);
        }
    }

    public static CacheSettings defaults() {
        return new CacheSettings(true, DEFAULT_TTL, DEFAULT_COMPRESS_ABOVE_BYTES, DEFAULT_MAX_ITEM_BYTES);
    }

    public CacheSettings withEnabled(boolean on) {
        return new CacheSettings(on, ttl, compressAboveBytes, maxItemBytes);
    }

    public CacheSettings withTtl(Duration newTtl) {
        return new CacheSettings(enabled, newTtl, compressAboveBytes, maxItemBytes);
    }

    public CacheSettings withSizes(int newCompressAboveBytes, int newMaxItemBytes) {
        return new CacheSettings(enabled, ttl, newCompressAboveBytes, newMaxItemBytes);
    }

    private static ConfigurationError invalid(String property, String problem) {
        return new ConfigurationError(ConfigurationError.setting(PREFIX + property) + " " + problem);
    }
}
