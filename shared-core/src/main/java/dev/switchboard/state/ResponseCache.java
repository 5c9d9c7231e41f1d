package dev.switchboard.state;

import java.util.Optional;

/**
 * Answers already given, by the normalised request ({@link CacheKey}), shared by every function
 * instance. An entry lives for the configured TTL by the store's clock: an expired entry is a miss
 * even while the store still holds it. A response too large to keep is skipped, never an error.
 *
 * <p>Both operations throw {@link StateUnavailableException} when the store cannot be reached; the
 * caller should treat that as a miss (and a put that could not be made as skipped), never fail the request.
 */
public interface ResponseCache {

    /** The answer stored under {@code key}, if there is one and it has not expired. */
    Optional<CachedResponse> get(CacheKey key);

    /**
     * Stores {@code response} under {@code key} (replacing what was there) until now plus the TTL.
     *
     * @return false when the response was skipped because even compressed it is too large to keep
     */
    boolean put(CacheKey key, CachedResponse response);
}
