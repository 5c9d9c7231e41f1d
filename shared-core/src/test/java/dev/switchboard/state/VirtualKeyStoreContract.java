package dev.switchboard.state;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What every {@link VirtualKeyStore} adapter must do, run against each. Hashes are unique per test. */
public abstract class VirtualKeyStoreContract {

    private static final Instant CREATED = Instant.parse("2036-11-22T12:00:00.123456Z");

    private VirtualKeyStore store;
    private String hash;
    private String suffix;

    protected abstract VirtualKeyStore store();

    @BeforeEach
    void freshHash() {
        store = store();
        hash = UUID.randomUUID().toString().replace("-", "") + UUID.randomUUID().toString().replace("-", "");
        suffix = UUID.randomUUID().toString().substring(0, 8);
    }

    protected String hash() {
        return hash;
    }

    /** A key id unique to this test: a store's list holds every test's keys. */
    protected String id(String label) {
        return "vk_" + label + "_" + suffix;
    }

    /** A user unique to this test, so that a filtered list sees this test's keys only. */
    protected String user(String label) {
        return label + "." + suffix;
    }

    @Test
    void aKeyWithEveryFieldComesBackAsItWasStored() {
        VirtualKey key = new VirtualKey(id("0123456789abcdef"), "alice",
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
    void anExpiryComesBackAsItWasStoredAndNoneStaysNone() {
        Instant expires = Instant.parse("2037-01-31T00:00:00.5Z");
        store.create(hash, new VirtualKey(id("expiring"), "alice", null, RateLimits.NONE, CREATED, null, expires));
        store.create(hash + "-2", new VirtualKey(id("lasting"), "alice", null, RateLimits.NONE, CREATED, null));

        assertEquals(expires, store.findByHash(hash).orElseThrow().expiresAt());
        assertNull(store.findByHash(hash + "-2").orElseThrow().expiresAt());
        assertEquals(expires, store.revoke(id("expiring"), CREATED).orElseThrow().key().expiresAt(), "and in the list");
    }

    @Test
    void aChangeKeepsTheKeyAndItsListingAndEveryFieldItDoesNotChange() {
        VirtualKey key = new VirtualKey(id("changed"), "alice", new BudgetCaps(new BigDecimal("5"), null),
                RateLimits.rpm(10), CREATED, "ci", null, List.of("gemini"));
        store.create(hash, key);

        ListedKey changed = store.update(key.id(), k -> new VirtualKey(k.id(), k.user(), k.budget(),
                new RateLimits(60L, 1_000L), k.createdAt(), "laptop", CREATED.plusSeconds(86_400), List.of()))
                .orElseThrow();

        VirtualKey expected = new VirtualKey(key.id(), "alice", key.budget(), new RateLimits(60L, 1_000L), CREATED,
                "laptop", CREATED.plusSeconds(86_400), List.of());
        assertEquals(new ListedKey(expected, null), changed);
        VirtualKey found = store.findByHash(hash).orElseThrow();
        assertEquals(expected.limits(), found.limits(), "the same key, with its new limits");
        assertEquals("laptop", found.name());
        assertEquals(List.of(), found.models());
        assertEquals(0, new BigDecimal("5").compareTo(found.budget().dailyUsd()));
        assertEquals(List.of("laptop"), store.list(null, 10, "alice").keys().stream()
                .filter(l -> l.key().id().equals(key.id())).map(l -> l.key().name()).toList());
    }

    @Test
    void aRevokedOrUnknownKeyIsNotChangedAndAChangeMayNotMakeItAnotherKey() {
        VirtualKey key = new VirtualKey(id("ended"), "alice", null, RateLimits.NONE, CREATED, "ci");
        store.create(hash, key);
        store.revoke(key.id(), CREATED.plusSeconds(60));

        ListedKey revoked = store.update(key.id(), k -> new VirtualKey(k.id(), k.user(), null, RateLimits.rpm(1),
                k.createdAt(), "back")).orElseThrow();

        assertTrue(revoked.revoked());
        assertEquals("ci", revoked.key().name(), "unchanged");
        assertTrue(store.findByHash(hash).isEmpty(), "still revoked");
        assertTrue(store.update(id("nobody"), k -> k).isEmpty());
        store.create(hash + "-2", new VirtualKey(id("kept"), "alice", null, RateLimits.NONE, CREATED, null));
        assertThrows(IllegalArgumentException.class, () -> store.update(id("kept"), k -> new VirtualKey(k.id(),
                "mallory", null, RateLimits.NONE, k.createdAt(), null)));
        assertEquals("alice", store.findByHash(hash + "-2").orElseThrow().user());
    }

    @Test
    void aKeysModelsComeBackInTheAdminsOrderAndNoneStaysEveryModel() {
        List<String> models = List.of("gpt-4o-mini", "anthropic", "openai/gpt-4o");
        store.create(hash, new VirtualKey(id("limited"), "alice", null, RateLimits.NONE, CREATED, null, null, models));
        store.create(hash + "-2", new VirtualKey(id("open"), "alice", null, RateLimits.NONE, CREATED, null));

        assertEquals(models, store.findByHash(hash).orElseThrow().models());
        assertEquals(List.of(), store.findByHash(hash + "-2").orElseThrow().models());
        assertEquals(models, store.revoke(id("limited"), CREATED).orElseThrow().key().models(), "and in the list");
    }

    @Test
    void noBudgetStaysTheSeedDefaultAndEmptyCapsStayNoCaps() {
        String other = hash + "-2";
        store.create(hash, new VirtualKey(id("a"), "bob", null, RateLimits.NONE, CREATED, null));
        store.create(other, new VirtualKey(id("b"), "bob", new BudgetCaps(null, null), RateLimits.rpm(5), CREATED, null));

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
        String mallory = user("mallory");
        store.create(hash, new VirtualKey(id("first"), "alice", null, RateLimits.NONE, CREATED, null));

        assertThrows(VirtualKeyStore.DuplicateKeyHashException.class,
                () -> store.create(hash, new VirtualKey(id("second"), mallory, null, RateLimits.NONE, CREATED, null)));
        assertEquals(id("first"), store.findByHash(hash).orElseThrow().id());
        assertEquals(List.of(), store.list(null, 10, mallory).keys(), "neither half of the refused key was written");
    }

    @Test
    void anExistingIdIsNeverOverwrittenAndTheSecondKeyIsNotStored() {
        String other = hash + "-2";
        store.create(hash, new VirtualKey(id("same"), "alice", null, RateLimits.NONE, CREATED, null));

        assertThrows(VirtualKeyStore.DuplicateKeyHashException.class,
                () -> store.create(other, new VirtualKey(id("same"), "mallory", null, RateLimits.NONE, CREATED, null)));
        assertTrue(store.findByHash(other).isEmpty());
        assertEquals("alice", store.revoke(id("same"), CREATED.plusSeconds(1)).orElseThrow().key().user());
    }

    @Test
    void aUsersKeysAreListedInIdOrderAPageAtATimeWithTheirFields() {
        String alice = user("alice");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            VirtualKey key = new VirtualKey(id("k" + (4 - i)), alice, new BudgetCaps(new BigDecimal("2.5"), null),
                    RateLimits.rpm(7), CREATED, "n" + i);
            store.create(hash + "-" + i, key);
            ids.add(key.id());
        }
        store.create(hash + "-bob", new VirtualKey(id("k9"), user("bob"), null, RateLimits.NONE, CREATED, null));
        Collections.sort(ids);

        KeyPage first = store.list(null, 2, alice);
        KeyPage second = store.list(first.nextAfter(), 2, alice);
        KeyPage last = store.list(second.nextAfter(), 2, alice);

        assertEquals(ids.subList(0, 2), idsOf(first));
        assertEquals(ids.get(1), first.nextAfter());
        assertEquals(ids.subList(2, 4), idsOf(second));
        assertEquals(ids.subList(4, 5), idsOf(last));
        assertNull(last.nextAfter(), "the last page says so");
        assertNull(store.list(null, 5, alice).nextAfter(), "a page that holds exactly the rest is the last");
        ListedKey listed = first.keys().get(0);
        assertEquals(alice, listed.key().user());
        assertEquals(RateLimits.rpm(7), listed.key().limits());
        assertEquals(0, new BigDecimal("2.5").compareTo(listed.key().budget().dailyUsd()));
        assertEquals(CREATED, listed.key().createdAt());
        assertFalse(listed.revoked());
    }

    @Test
    void everyonesListPagesThroughEveryKeyOnceInIdOrder() {
        List<String> mine = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String id = id("all" + i);
            store.create(hash + "-" + i, new VirtualKey(id, user("u" + i), null, RateLimits.NONE, CREATED, null));
            mine.add(id);
        }

        List<String> seen = new ArrayList<>();
        String after = null;
        do {
            KeyPage page = store.list(after, 2, null);
            assertTrue(page.keys().size() <= 2);
            seen.addAll(idsOf(page));
            after = page.nextAfter();
        } while (after != null);

        assertTrue(seen.containsAll(mine), seen.toString());
        List<String> sorted = new ArrayList<>(new TreeSet<>(seen));
        assertEquals(sorted, seen, "in id order, each once");
    }

    @Test
    void aRevokedKeyNoLongerAuthenticatesAndStaysListedWithItsFirstRevocationTime() {
        String alice = user("alice");
        VirtualKey key = new VirtualKey(id("gone"), alice, null, RateLimits.NONE, CREATED, "ci");
        store.create(hash, key);
        Instant at = CREATED.plusSeconds(60);

        ListedKey revoked = store.revoke(key.id(), at).orElseThrow();
        ListedKey again = store.revoke(key.id(), at.plusSeconds(60)).orElseThrow();

        assertEquals(new ListedKey(key, at), revoked);
        assertEquals(at, again.revokedAt(), "revoking twice keeps the first time");
        assertTrue(store.findByHash(hash).isEmpty());
        assertEquals(List.of(new ListedKey(key, at)), store.list(null, 10, alice).keys());
    }

    @Test
    void revokingAnUnknownIdFindsNothingAndChangesNothing() {
        store.create(hash, new VirtualKey(id("kept"), user("alice"), null, RateLimits.NONE, CREATED, null));

        assertTrue(store.revoke(id("unknown"), CREATED).isEmpty());
        assertTrue(store.findByHash(hash).isPresent());
    }

    private static List<String> idsOf(KeyPage page) {
        return page.keys().stream().map(listed -> listed.key().id()).toList();
    }

    @Test
    void anUnknownHashIsEmpty() {
        Optional<VirtualKey> found = store.findByHash(hash);

        assertTrue(found.isEmpty());
    }
}
