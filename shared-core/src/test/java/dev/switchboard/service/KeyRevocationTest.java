package dev.switchboard.service;

import dev.switchboard.api.ApiException;
import dev.switchboard.api.KeyListRequest;
import dev.switchboard.api.KeyListResponse;
import dev.switchboard.api.KeyResponse;
import dev.switchboard.api.StateStoreUnavailableException;
import dev.switchboard.state.BudgetCaps;
import dev.switchboard.state.RateLimits;
import dev.switchboard.state.VirtualKey;
import dev.switchboard.testsupport.CoreFixture;
import dev.switchboard.testsupport.MutableClock;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Listing and revoking virtual keys through {@link KeyService}, with two instances sharing one store. */
class KeyRevocationTest {

    private static final KeyModels KEY_MODELS = new KeyModels(CoreFixture.builtInCandidates());

    private final MutableClock clock = new MutableClock();
    private final CountingKeyStore store = new CountingKeyStore();
    private final KeyService here = new KeyService(store, new SeededSecureRandom(11), clock, KEY_MODELS);
    private final KeyService elsewhere = new KeyService(store, new SeededSecureRandom(12), clock, KEY_MODELS);

    @Test
    void aRevokedKeyIsRefusedHereAtOnceAndElsewhereOnceItsCachedCopyExpires() {
        CreatedKey created = here.create(new CreateKeyCommand("alice", null, null, RateLimits.NONE));
        assertTrue(here.authenticate(created.key()).isPresent());
        assertTrue(elsewhere.authenticate(created.key()).isPresent());

        clock.advance(Duration.ofSeconds(10));
        KeyResponse revoked = here.revoke(created.record().id());

        assertEquals(clock.instant().toString(), revoked.revokedAt());
        assertTrue(here.authenticate(created.key()).isEmpty(), "the revoking instance refuses it at once");
        assertTrue(elsewhere.authenticate(created.key()).isPresent(), "another still holds its copy");
        clock.advance(KeyCache.KNOWN_FOR);
        assertTrue(elsewhere.authenticate(created.key()).isEmpty(), "within KNOWN_FOR everywhere");
    }

    @Test
    void aLookupThatReadTheKeyBeforeItsRevocationCannotCacheItAfter() {
        KeyCache cache = new KeyCache(clock, 10);
        VirtualKey key = new VirtualKey("vk_raced", "alice", null, RateLimits.NONE, clock.instant(), null);

        cache.forget("vk_raced");
        cache.put("hash", key);

        assertTrue(cache.get("hash").isEmpty(), "the revoked id stays out of this process's cache");
        clock.advance(KeyCache.KNOWN_FOR);
        cache.put("hash", key);
        assertTrue(cache.get("hash").isPresent(), "a copy read before the revocation is gone by now");
    }

    @Test
    void aRevocationWhoseAnswerIsLostStillEndsTheKeyHereOnceItLanded() {
        CreatedKey created = here.create(new CreateKeyCommand("alice", null, null, RateLimits.NONE));
        assertTrue(here.authenticate(created.key()).isPresent());
        store.revokeThenFail = true;

        assertThrows(StateStoreUnavailableException.class, () -> here.revoke(created.record().id()));

        assertTrue(here.authenticate(created.key()).isEmpty(), "the cached copy was dropped all the same");
    }

    @Test
    void aLookupSlowToReturnKeepsTheKeyNoLongerThanFromItsRead() {
        KeyCache cache = new KeyCache(clock, 10);
        VirtualKey key = new VirtualKey("vk_slow", "alice", null, RateLimits.NONE, clock.instant(), null);
        java.time.Instant readAt = clock.instant();
        clock.advance(Duration.ofSeconds(50));

        cache.put("hash", key, readAt);
        clock.advance(Duration.ofSeconds(10));

        assertTrue(cache.get("hash").isEmpty(), "60 s from the read, not from the put");
    }

    @Test
    void aKeyWorksUntilItsExpiryOnEveryInstanceCachedOrNot() {
        java.time.Instant expires = clock.instant().plus(Duration.ofMinutes(10));
        CreatedKey created = here.create(new CreateKeyCommand("alice", null, null, RateLimits.NONE, expires));
        assertTrue(here.authenticate(created.key()).isPresent(), "cached here from its creation");
        assertEquals(expires.toString(), created.toResponse().expiresAt());

        clock.advance(Duration.ofMinutes(10).minusMillis(1));
        assertTrue(here.authenticate(created.key()).isPresent());
        assertTrue(elsewhere.authenticate(created.key()).isPresent(), "read and cached elsewhere");
        clock.advance(Duration.ofMillis(1));

        assertTrue(here.authenticate(created.key()).isEmpty(), "ended on time, though cached");
        assertTrue(elsewhere.authenticate(created.key()).isEmpty());
        assertTrue(elsewhere.fromMemory(created.key()).caller().isEmpty());
        assertEquals(expires.toString(), here.list(new KeyListRequest(null, 10, "alice")).data().get(0).expiresAt());
    }

    @Test
    void anExpiryNotAheadIs400AndCreatesNothing() {
        dev.switchboard.api.InvalidRequestException refused = assertThrows(
                dev.switchboard.api.InvalidRequestException.class, () -> here.create(
                        new CreateKeyCommand("alice", null, null, RateLimits.NONE, clock.instant())));

        assertEquals("expires_at", refused.field());
        assertTrue(store.createdKeys.isEmpty());
    }

    @Test
    void revokingTwiceAnswersWithTheFirstRevocation() {
        String id = here.create(new CreateKeyCommand("alice", null, null, RateLimits.NONE)).record().id();
        KeyResponse first = here.revoke(id);
        clock.advance(Duration.ofMinutes(5));

        assertEquals(first, elsewhere.revoke(id));
    }

    @Test
    void anUnknownIdIs404NamingIt() {
        ApiException refused = assertThrows(ApiException.class, () -> here.revoke("vk_nosuchkey"));

        assertEquals(404, refused.status());
        assertEquals("not_found", refused.type());
        assertEquals("id", refused.field());
        assertTrue(refused.getMessage().contains("vk_nosuchkey"));
    }

    @Test
    void theListShowsTheCapsThatApplyAndTheRevocationButNeverTheKey() throws java.io.IOException {
        CreatedKey capped = here.create(new CreateKeyCommand("alice", "ci",
                new BudgetCaps(new BigDecimal("5"), new BigDecimal("50")), new RateLimits(60L, 1000L)));
        CreatedKey plain = here.create(new CreateKeyCommand("bob", null, null, RateLimits.NONE));
        here.revoke(plain.record().id());

        KeyListResponse all = here.list(new KeyListRequest(null, 10, null));

        assertEquals(2, all.data().size());
        assertNull(all.nextAfter());
        KeyResponse alice = byUser(all.data(), "alice");
        KeyResponse bob = byUser(all.data(), "bob");
        assertEquals(capped.toResponse().budget(), alice.budget());
        assertEquals(capped.toResponse().limits(), alice.limits());
        assertEquals("ci", alice.name());
        assertNull(alice.revokedAt());
        assertEquals(BudgetCaps.DEFAULT.dailyUsd(), bob.budget().dailyUsd(), "no caps of its own: the seed's default");
        assertEquals(clock.instant().toString(), bob.revokedAt());
        String listed = io.micronaut.json.JsonMapper.createDefault().writeValueAsString(all);
        assertFalse(listed.contains(capped.key().substring(3)), listed);
        assertFalse(listed.contains(KeyHashes.sha256Hex(capped.key())), "nor its hash");
        assertFalse(listed.contains("\"key\""), listed);
        assertEquals(List.of(alice), here.list(new KeyListRequest(null, 10, "alice")).data());
    }

    @Test
    void aStoreOutageIs503ForListingAndRevoking() {
        String id = here.create(new CreateKeyCommand("alice", null, null, RateLimits.NONE)).record().id();
        store.down = true;

        assertEquals(503, assertThrows(StateStoreUnavailableException.class,
                () -> here.list(new KeyListRequest(null, 10, null))).status());
        StateStoreUnavailableException revoking = assertThrows(StateStoreUnavailableException.class,
                () -> here.revoke(id));
        assertTrue(revoking.getMessage().contains("revoking twice is safe"), revoking.getMessage());
    }

    private static KeyResponse byUser(List<KeyResponse> keys, String user) {
        return keys.stream().filter(k -> k.user().equals(user)).findFirst().orElseThrow();
    }
}
