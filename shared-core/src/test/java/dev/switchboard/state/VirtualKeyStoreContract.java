package dev.switchboard.state;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What every {@link VirtualKeyStore} adapter must do, run against each. Hashes are unique per test. */
public abstract class VirtualKeyStoreContract {

    private static final Instant CREATED = Instant.parse("2036-11-22T12:00:00.123456Z");

    private VirtualKeyStore store;
    private String hash;

    protected abstract VirtualKeyStore store();

    @BeforeEach
    void freshHash() {
        store = store();
        hash = UUID.randomUUID().toString().replace("-", "") + UUID.randomUUID().toString().replace("-", "");
    }

    protected String hash() {
        return hash;
    }

    @Test
    void aKeyWithEveryFieldComesBackAsItWasStored() {
        VirtualKey key = new VirtualKey("vk_0123456789abcdef", "alice",
                new BudgetCaps(new BigDecimal("5.25"), new BigDecimal("100")), new RateLimits(60L, 100_000L),
                CREATED, "ci");

        store.create(hash, key);

        VirtualKey found = store.findByHash(hash).orElseThrow();
        assertEquals(key.id(), found.id());
        assertEquals(key.user(), found.user());
        assertEquals(key.name(), found.name());
        assertEquals(key.limits(), found.limits());
        assertEquals(key.createdAt(), found.createdAt());
        assertEquals(0, key.budget().dailyUsd().compareTo(found.budget().dailyUsd()));
        assertEquals(0, key.budget().monthlyUsd().compareTo(found.budget().monthlyUsd()));
    }

    @Test
    void noBudgetStaysTheSeedDefaultAndEmptyCapsStayNoCaps() {
        String other = hash + "-2";
        store.create(hash, new VirtualKey("vk_a", "bob", null, RateLimits.NONE, CREATED, null));
        store.create(other, new VirtualKey("vk_b", "bob", new BudgetCaps(null, null), RateLimits.rpm(5), CREATED, null));

        VirtualKey seedDefault = store.findByHash(hash).orElseThrow();
        VirtualKey uncapped = store.findByHash(other).orElseThrow();

        assertEquals(null, seedDefault.budget());
        assertEquals(null, seedDefault.name());
        assertEquals(RateLimits.NONE, seedDefault.limits());
        assertEquals(new BudgetCaps(null, null), uncapped.budget());
        assertEquals(RateLimits.rpm(5), uncapped.limits());
    }

    @Test
    void anExistingHashIsNeverOverwritten() {
        store.create(hash, new VirtualKey("vk_first", "alice", null, RateLimits.NONE, CREATED, null));

        assertThrows(VirtualKeyStore.DuplicateKeyHashException.class,
                () -> store.create(hash, new VirtualKey("vk_second", "mallory", null, RateLimits.NONE, CREATED, null)));
        assertEquals("vk_first", store.findByHash(hash).orElseThrow().id());
    }

    @Test
    void anUnknownHashIsEmpty() {
        Optional<VirtualKey> found = store.findByHash(hash);

        assertTrue(found.isEmpty());
    }
}
