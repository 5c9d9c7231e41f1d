package dev.switchboard.service;

import dev.switchboard.api.ApiException;
import dev.switchboard.api.FieldChange;
import dev.switchboard.api.InvalidRequestException;
import dev.switchboard.api.KeyBudget;
import dev.switchboard.api.KeyLimits;
import dev.switchboard.api.KeyResponse;
import dev.switchboard.api.StateStoreUnavailableException;
import dev.switchboard.api.UpdateKeyRequest;
import dev.switchboard.state.BudgetCaps;
import dev.switchboard.state.RateLimits;
import dev.switchboard.testsupport.CoreFixture;
import dev.switchboard.testsupport.MutableClock;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Changing a virtual key through {@link KeyService}, with two instances sharing one store. */
class KeyUpdateTest {

    private static final KeyModels KEY_MODELS = new KeyModels(CoreFixture.builtInCandidates());

    private final MutableClock clock = new MutableClock();
    private final CountingKeyStore store = new CountingKeyStore();
    private final KeyService here = new KeyService(store, new SeededSecureRandom(21), clock, KEY_MODELS);
    private final KeyService elsewhere = new KeyService(store, new SeededSecureRandom(22), clock, KEY_MODELS);
    private final CreatedKey created = here.create(new CreateKeyCommand("alice", "ci",
            new BudgetCaps(new BigDecimal("1"), null), RateLimits.rpm(10), null, List.of("gemini")));

    private static UpdateKeyRequest change(FieldChange<KeyBudget> budget, FieldChange<KeyLimits> limits,
                                           FieldChange<Instant> expiresAt, FieldChange<List<String>> models) {
        return new UpdateKeyRequest(FieldChange.keep(), budget, limits, expiresAt, models);
    }

    @Test
    void aChangeKeepsTheKeyAppliesHereAtOnceAndElsewhereOnceItsCachedCopyExpires() {
        Caller before = elsewhere.authenticate(created.key()).orElseThrow();
        here.authenticate(created.key()).orElseThrow();

        KeyResponse changed = here.update(created.record().id(), change(
                FieldChange.to(new KeyBudget(new BigDecimal("25"), new BigDecimal("300"))),
                FieldChange.keep(), FieldChange.keep(), FieldChange.to(List.of("openai"))));

        assertEquals(0, new BigDecimal("25").compareTo(changed.budget().dailyUsd()));
        assertEquals(List.of("openai"), changed.models());
        assertEquals(10, changed.limits().rpm(), "a field not given stays");
        assertEquals("ci", changed.name());
        Caller now = here.authenticate(created.key()).orElseThrow();
        assertEquals(List.of("openai"), now.models(), "this instance reads the key again at once");
        assertEquals(0, new BigDecimal("300").compareTo(now.budget().monthlyUsd()));
        assertEquals(before, elsewhere.authenticate(created.key()).orElseThrow(), "another still holds its copy");
        clock.advance(KeyCache.KNOWN_FOR);
        assertEquals(List.of("openai"), elsewhere.authenticate(created.key()).orElseThrow().models());
    }

    @Test
    void nullClearsAFieldToItsDefault() {
        KeyResponse cleared = here.update(created.record().id(), new UpdateKeyRequest(FieldChange.to(null),
                FieldChange.to(null), FieldChange.to(KeyLimits.NONE), FieldChange.to(null), FieldChange.to(List.of())));

        assertNull(cleared.name());
        assertEquals(0, BigDecimal.ONE.compareTo(cleared.budget().dailyUsd()), "seed 002's default, $1 a day");
        assertNull(cleared.limits().rpm());
        assertNull(cleared.expiresAt());
        assertNull(cleared.models(), "every model");
        assertEquals(List.of(), here.authenticate(created.key()).orElseThrow().models());
    }

    @Test
    void anUnknownKeyIs404ARevokedOne409AndBadValues400ChangingNothing() {
        here.revoke(created.record().id());
        CreatedKey other = here.create(new CreateKeyCommand("bob", null, null, null));
        UpdateKeyRequest rename = new UpdateKeyRequest(FieldChange.to("new"), FieldChange.keep(), FieldChange.keep(),
                FieldChange.keep(), FieldChange.keep());

        ApiException unknown = assertThrows(ApiException.class, () -> here.update("vk_nosuchkey00000", rename));
        ApiException revoked = assertThrows(ApiException.class, () -> here.update(created.record().id(), rename));
        InvalidRequestException past = assertThrows(InvalidRequestException.class, () -> here.update(
                other.record().id(), change(FieldChange.keep(), FieldChange.keep(),
                        FieldChange.to(clock.instant().minusSeconds(1)), FieldChange.keep())));
        InvalidRequestException typo = assertThrows(InvalidRequestException.class, () -> here.update(
                other.record().id(), change(FieldChange.keep(), FieldChange.keep(), FieldChange.keep(),
                        FieldChange.to(List.of("gpt-5")))));

        assertEquals(404, unknown.status());
        assertEquals(409, revoked.status());
        assertEquals("key_revoked", revoked.type());
        assertEquals("expires_at", past.field());
        assertEquals("models", typo.field());
        assertEquals(List.of(), here.authenticate(other.key()).orElseThrow().models(), "unchanged");
    }

    @Test
    void aStoreOutageIs503AndTheChangeMayBeSentAgain() {
        store.down = true;
        UpdateKeyRequest limits = change(FieldChange.keep(), FieldChange.to(new KeyLimits(5L, null)),
                FieldChange.keep(), FieldChange.keep());

        assertThrows(StateStoreUnavailableException.class, () -> here.update(created.record().id(), limits));
        store.down = false;
        clock.advance(Duration.ofSeconds(1));

        assertEquals(5, here.update(created.record().id(), limits).limits().rpm());
        assertEquals(5, here.authenticate(created.key()).orElseThrow().limits().requestsPerMinute());
    }
}
