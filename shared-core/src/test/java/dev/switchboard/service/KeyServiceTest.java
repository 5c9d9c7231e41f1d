package dev.switchboard.service;

import dev.switchboard.api.InvalidRequestException;
import dev.switchboard.api.StateStoreUnavailableException;
import dev.switchboard.state.BudgetCaps;
import dev.switchboard.state.RateLimits;
import dev.switchboard.state.StateUnavailableException;
import dev.switchboard.state.VirtualKey;
import dev.switchboard.testsupport.CoreFixture;
import dev.switchboard.testsupport.MutableClock;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KeyServiceTest {

    private static final KeyModels KEY_MODELS = new KeyModels(CoreFixture.builtInCandidates());

    private static final CreateKeyCommand ALICE = new CreateKeyCommand("alice", "ci",
            new BudgetCaps(new BigDecimal("5"), new BigDecimal("100")), new RateLimits(60L, 100_000L));

    private final MutableClock clock = new MutableClock();
    private final CountingKeyStore store = new CountingKeyStore();
    private final KeyService keys = new KeyService(store, new SeededSecureRandom(42), clock, KEY_MODELS);

    @Test
    void aKeyIsSbAnd43Base64UrlCharactersAndTheSameSeedGivesTheSameKey() {
        CreatedKey created = keys.create(ALICE);
        CreatedKey again = new KeyService(new CountingKeyStore(), new SeededSecureRandom(42), clock, KEY_MODELS)
                .create(ALICE);
        CreatedKey other = new KeyService(new CountingKeyStore(), new SeededSecureRandom(7), clock, KEY_MODELS)
                .create(ALICE);

        assertTrue(created.key().matches("sb-[A-Za-z0-9_-]{43}"), created.key());
        assertTrue(created.record().id().matches("vk_[A-Za-z0-9_-]{16}"), created.record().id());
        assertEquals(created.key(), again.key());
        assertEquals(created.record().id(), again.record().id());
        assertNotEquals(created.key(), other.key());
        assertNotEquals(created.key(), keys.create(ALICE).key(), "each key draws fresh bytes");
    }

    @Test
    void aKeyOrIdAlreadyStoredIsDrawnAgainNotA500() {
        CreatedKey first = keys.create(ALICE);
        // The same seed on the same store: the second service's first draw is the first key again.
        CreatedKey second = new KeyService(store, new SeededSecureRandom(42), clock, KEY_MODELS).create(ALICE);

        assertNotEquals(first.key(), second.key());
        assertNotEquals(first.record().id(), second.record().id());
        assertEquals(first.record().id(), store.findByHash(KeyHashes.sha256Hex(first.key())).orElseThrow().id(),
                "the stored key is untouched");
        assertEquals(second.record().id(), store.findByHash(KeyHashes.sha256Hex(second.key())).orElseThrow().id());
    }

    @Test
    void theStoreGetsTheSha256OfTheKeyAndNeverTheKey() throws Exception {
        CreatedKey created = keys.create(ALICE);

        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(created.key().getBytes(StandardCharsets.UTF_8)));
        assertEquals(expected, store.createdHashes.get(0));
        VirtualKey stored = store.createdKeys.get(0);
        assertFalse(stored.toString().contains(created.key().substring(3)), "the record holds no part of the key");
        assertEquals(new VirtualKey(created.record().id(), "alice", ALICE.budget(), ALICE.limits(), clock.instant(), "ci"),
                stored);
        assertFalse(created.toString().contains(created.key()), "printing the result leaks nothing");
    }

    @Test
    void aVirtualKeysCallerIsItsUserWithItsIdCapsAndLimitsAndNoAdmin() {
        CreatedKey created = keys.create(ALICE);

        Caller caller = keys.authenticate(created.key()).orElseThrow();

        assertEquals(new Caller("alice", created.record().id(), ALICE.budget(), ALICE.limits(), false), caller);
    }

    @Test
    void aKeyLimitedToSomeModelsIsStoredWithThemAndItsCallerCarriesThem() {
        List<String> models = List.of("gemini", "openai/gpt-4o-mini", "claude-3-5-haiku-20241022");
        CreatedKey created = keys.create(new CreateKeyCommand("alice", null, null, null, null, models));

        assertEquals(models, store.createdKeys.get(0).models());
        assertEquals(models, keys.authenticate(created.key()).orElseThrow().models());
        assertEquals(models, created.toResponse().models());
        assertNull(keys.create(ALICE).toResponse().models(), "null, not [], for every model");
    }

    @Test
    void aModelEntryNamingNoConfiguredDeploymentIs400AndStoresNothing() {
        for (String entry : List.of("gpt-5", "gemini/gpt-4o", "Gemini", "openai/")) {
            InvalidRequestException refused = assertThrows(InvalidRequestException.class, () -> keys.create(
                    new CreateKeyCommand("alice", null, null, null, null, List.of("gemini", entry))), entry);

            assertEquals("models", refused.field());
            assertTrue(refused.getMessage().contains("'" + entry + "'"), refused.getMessage());
        }
        assertTrue(store.createdKeys.isEmpty());
    }

    @Test
    void aCachedKeyMakesNoStoreCallUntilItsMinuteIsUp() {
        String key = new KeyService(store, new SeededSecureRandom(1), clock, KEY_MODELS).create(ALICE).key();

        assertTrue(keys.authenticate(key).isPresent());
        assertEquals(1, store.lookups, "a cold instance reads the key once");
        clock.advance(KeyCache.KNOWN_FOR.minusSeconds(1));
        assertTrue(keys.authenticate(key).isPresent());
        assertEquals(1, store.lookups, "warm: no store call");

        clock.advance(Duration.ofSeconds(1));
        assertTrue(keys.authenticate(key).isPresent());
        assertEquals(2, store.lookups, "expired by the clock: read again");
    }

    @Test
    void anUnknownKeyIsRememberedForFiveSeconds() {
        String unknown = "sb-" + "A".repeat(43);

        assertEquals(Optional.empty(), keys.authenticate(unknown));
        assertEquals(Optional.empty(), keys.authenticate(unknown));
        assertEquals(1, store.lookups);

        clock.advance(KeyCache.UNKNOWN_FOR);
        assertEquals(Optional.empty(), keys.authenticate(unknown));
        assertEquals(2, store.lookups);
    }

    @Test
    void fromMemoryAnswersOnlyWhatTheKeysShapeOrTheCacheTellsAndNeverAsksTheStore() {
        String key = new KeyService(store, new SeededSecureRandom(1), clock, KEY_MODELS).create(ALICE).key();
        String unknown = "sb-" + "A".repeat(43);

        assertFalse(keys.fromMemory(key).answered(), "a cold instance cannot tell");
        assertFalse(keys.fromMemory(unknown).answered());
        assertEquals(new KeyService.Known(true, Optional.empty()), keys.fromMemory("sb-short"), "cannot be ours");
        assertEquals(0, store.lookups);

        Caller alice = keys.authenticate(key).orElseThrow();
        keys.authenticate(unknown);
        assertEquals(new KeyService.Known(true, Optional.of(alice)), keys.fromMemory(key));
        assertEquals(new KeyService.Known(true, Optional.empty()), keys.fromMemory(unknown), "known to be no key");
        clock.advance(KeyCache.UNKNOWN_FOR);
        assertFalse(keys.fromMemory(unknown).answered(), "expired: only the store can tell again");
        assertEquals(2, store.lookups);
    }

    @Test
    void somethingThatCannotBeOurKeyCostsNoStoreCall() {
        for (String presented : new String[]{"", "hello", "sb-short", "xx-" + "A".repeat(43), "sb-" + "A".repeat(44)}) {
            assertEquals(Optional.empty(), keys.authenticate(presented), presented);
        }
        assertEquals(0, store.lookups);
    }

    @Test
    void aStoreOutageIsReportedNotCachedAsUnknown() {
        String key = new KeyService(store, new SeededSecureRandom(1), clock, KEY_MODELS).create(ALICE).key();
        store.down = true;

        assertThrows(StateUnavailableException.class, () -> keys.authenticate(key));

        store.down = false;
        assertTrue(keys.authenticate(key).isPresent());
    }

    @Test
    void aKeyThatCannotBeStoredIs503AndNeverHandedOut() {
        store.down = true;

        StateStoreUnavailableException refused = assertThrows(StateStoreUnavailableException.class,
                () -> keys.create(ALICE));

        assertEquals(503, refused.status());
        assertEquals("state_unavailable", refused.type());
    }

    @Test
    void theCacheStaysBounded() {
        KeyCache cache = new KeyCache(clock, 3);
        for (int i = 0; i < 10; i++) {
            cache.put("hash-" + i, null);
            assertTrue(cache.size() <= 3);
        }
        assertTrue(cache.get("hash-9").isPresent());
    }

    @Test
    void aFloodOfUnknownKeysNeverPushesOutTheKeysInUse() {
        KeyCache cache = new KeyCache(clock, 3);
        VirtualKey alice = new VirtualKey("vk_alice", "alice", null, RateLimits.NONE, CoreFixture.NOW, null);
        VirtualKey bob = new VirtualKey("vk_bob", "bob", null, RateLimits.NONE, CoreFixture.NOW, null);
        cache.put("hash-alice", alice);
        cache.put("hash-bob", bob);
        for (int i = 0; i < 100; i++) {
            cache.put("bad-" + i, null);
            assertTrue(cache.size() <= 3);
        }

        assertEquals(alice, cache.get("hash-alice").orElseThrow().key(), "the unknown hashes went first");
        assertEquals(bob, cache.get("hash-bob").orElseThrow().key());
        cache.put("hash-carol", new VirtualKey("vk_carol", "carol", null, RateLimits.NONE, CoreFixture.NOW, null));
        assertTrue(cache.get("hash-carol").isPresent(), "a key in use still finds room");
        assertTrue(cache.get("hash-alice").isPresent() && cache.get("hash-bob").isPresent(), "by the unknown hash's going");
        cache.put("bad-full", null);
        assertTrue(cache.get("bad-full").isEmpty(), "an unknown hash finding the cache full of keys in use is not kept");
        assertEquals(3, cache.size());
    }
}
