package dev.switchboard.service;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Objects;
import java.util.Random;
import java.util.UUID;

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
    private final Random random;

    @Inject
    public RequestIds(Clock clock) {
        this(clock, new SecureRandom());
    }

    /** @param random shared by the request threads (a {@link Random} is thread-safe); seeded in tests */
    public RequestIds(Clock clock, Random random) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
    }

    public String next() {
        // One draw per id: each draw from a SecureRandom takes the platform source's lock.
        byte[] bits = new byte[10];
        random.nextBytes(bits);
        ByteBuffer drawn = ByteBuffer.wrap(bits);
        long high = (clock.millis() << 16) | VERSION_7 | (drawn.getShort() & 0x0FFF);
        long low = VARIANT_RFC | (drawn.getLong() & LOW_62_BITS);
        return new UUID(high, low).toString();
    }
}
