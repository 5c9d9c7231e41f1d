package dev.switchboard.service;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Objects;
import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * Issues request ids: time-ordered UUIDs (version 7, RFC 9562), the issuing millisecond in the top 48
 * bits and 74 random bits below it. Ids issued close together sort close together, so the ledger's
 * primary-key index takes each new row at its right edge instead of at a random page, which a random
 * (version 4) id costs every insert once the index outgrows the cache, on H2 and PostgreSQL alike.
 * Ids are not secrets: feedback on a request is checked against its owner, not its id's rarity.
 */
@Singleton
public class RequestIds {

    private static final long VERSION_7 = 0x7000L;
    private static final long VARIANT_RFC = 0x8000_0000_0000_0000L;
    private static final long LOW_62_BITS = 0x3FFF_FFFF_FFFF_FFFFL;

    private final Clock clock;
    private final RandomGenerator random;

    @Inject
    public RequestIds(Clock clock) {
        this(clock, new SecureRandom());
    }

    /** @param random thread-safe (ids are issued from many request threads); seeded in tests */
    public RequestIds(Clock clock, RandomGenerator random) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
    }

    public String next() {
        long millis = clock.millis();
        long high = (millis << 16) | VERSION_7 | (random.nextInt() & 0x0FFF);
        long low = VARIANT_RFC | (random.nextLong() & LOW_62_BITS);
        return new UUID(high, low).toString();
    }
}
