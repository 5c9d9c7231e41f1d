package dev.switchboard.service;

import dev.switchboard.api.ApiException;
import dev.switchboard.api.InvalidRequestException;
import dev.switchboard.api.KeyListRequest;
import dev.switchboard.api.KeyListResponse;
import dev.switchboard.api.KeyResponse;
import dev.switchboard.api.StateStoreUnavailableException;
import dev.switchboard.api.UpdateKeyRequest;
import dev.switchboard.state.BudgetCaps;
import dev.switchboard.state.KeyPage;
import dev.switchboard.state.ListedKey;
import dev.switchboard.state.RateLimits;
import dev.switchboard.state.StateUnavailableException;
import dev.switchboard.state.VirtualKey;
import dev.switchboard.state.VirtualKeyStore;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * Creates, lists, revokes and recognises virtual keys. A key is "sb-" and 43 base64url characters (32 random
 * bytes); only its SHA-256 is stored, and the clear key leaves this class once, in {@link CreatedKey}.
 * Lookups go through an in-process cache (see {@link KeyCache}).
 */
@Singleton
public class KeyService {

    public static final String KEY_PREFIX = "sb-";
    static final int KEY_BYTES = 32;
    static final int ID_BYTES = 12;
    static final int KEY_LENGTH = KEY_PREFIX.length() + 43;
    static final int CACHE_ENTRIES = 10_000;

    private static final Logger LOG = LoggerFactory.getLogger(KeyService.class);
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final VirtualKeyStore store;
    private final SecureRandom random;
    private final Clock clock;
    private final KeyCache cache;
    private final KeyModels models;

    public KeyService(VirtualKeyStore store, @Named(KeyBeans.KEY_RANDOM) SecureRandom random, Clock clock,
                      KeyModels models) {
        this.store = store;
        this.random = random;
        this.clock = clock;
        this.cache = new KeyCache(clock, CACHE_ENTRIES);
        this.models = models;
    }

    /**
     * Generates, stores (as a hash) and returns a new key; the result is the only copy of the clear key.
     *
     * @throws StateStoreUnavailableException (503) when the store cannot be reached
     */
    public CreatedKey create(CreateKeyCommand command) {
        Instant now = clock.instant();
        requireAhead(command.expiresAt(), now);
        models.requireConfigured(command.models());
        Drawn drawn = draw(command, now);
        try {
            try {
                store.create(drawn.hash(), drawn.record());
            } catch (VirtualKeyStore.DuplicateKeyHashException taken) {
                // 256 random bits met a stored key, or 96 a stored id: a random source gone wrong, or an item
                // written by hand. Fresh draws once more; the store wrote nothing of the refused pair.
                LOG.error("a new virtual key or its id was already stored; drawing them again");
                drawn = draw(command, now);
                store.create(drawn.hash(), drawn.record());
            }
        } catch (StateUnavailableException e) {
            LOG.warn("storing virtual key {} failed: {}", drawn.record().id(), e.getMessage());
            // Stored or not, nobody holds this key: if it landed, it is listed and can only be revoked.
            throw new StateStoreUnavailableException("The key was not handed out: the state store is unavailable; "
                    + "retry shortly (if GET /keys lists " + drawn.record().id() + ", revoke it: its key was never shown)");
        }
        cache.put(drawn.hash(), drawn.record());
        return new CreatedKey(drawn.key(), drawn.record());
    }

    private Drawn draw(CreateKeyCommand command, Instant now) {
        String key = KEY_PREFIX + randomBase64Url(KEY_BYTES);
        return new Drawn(key, KeyHashes.sha256Hex(key), new VirtualKey("vk_" + randomBase64Url(ID_BYTES),
                command.user(), command.budget(), command.limits(), now, command.name(), command.expiresAt(),
                command.models()));
    }

    /** A new key, its hash and its record, before they are stored. */
    private record Drawn(String key, String hash, VirtualKey record) {
        @Override
        public String toString() {
            return "Drawn[" + record.id() + "]";
        }
    }

    /**
     * A page of keys for the admin, revoked ones included.
     *
     * @throws StateStoreUnavailableException (503) when the store cannot be reached
     */
    public KeyListResponse list(KeyListRequest request) {
        KeyPage page;
        try {
            page = store.list(request.after(), request.limit(), request.user());
        } catch (StateUnavailableException e) {
            LOG.warn("listing virtual keys failed: {}", e.getMessage());
            throw new StateStoreUnavailableException("Keys cannot be listed right now: the state store is "
                    + "unavailable; retry shortly");
        }
        return new KeyListResponse(page.keys().stream().map(KeyViews::response).toList(), page.nextAfter());
    }

    /**
     * Ends a key: this process refuses it at once; others once their cached copy expires ({@link
     * KeyCache#KNOWN_FOR}). Revoking a revoked key answers as the first revocation did.
     *
     * @throws ApiException 404 when no key has this id
     * @throws StateStoreUnavailableException (503) when the store cannot be reached; the key may or may not
     *         be revoked then, and revoking it again is safe
     */
    public KeyResponse revoke(String keyId) {
        ListedKey revoked;
        try {
            revoked = store.revoke(keyId, clock.instant()).orElseThrow(() -> unknown(keyId));
        } catch (StateUnavailableException e) {
            LOG.warn("revoking virtual key {} failed: {}", keyId, e.getMessage());
            throw new StateStoreUnavailableException("The revocation may not have taken effect: the state store is "
                    + "unavailable; send it again shortly (revoking twice is safe)");
        } finally {
            // Also when the answer is unknown: the revocation may have landed, and re-reading costs a lookup.
            cache.forget(keyId);
        }
        // The id only: user names may be email addresses, and no other log line names a user.
        LOG.info("virtual key {} revoked (at {})", keyId, revoked.revokedAt());
        return KeyViews.response(revoked);
    }

    /**
     * Changes a working key's label, budget, limits, expiry or models, keeping the key itself: this process reads it
     * again at its next request; others once their cached copy expires ({@link KeyCache#KNOWN_FOR}).
     *
     * @throws ApiException 404 when no key has this id, 409 when it was revoked
     * @throws StateStoreUnavailableException (503) when the store cannot be reached; the change may or may not
     *         have been made then, and making it again is safe
     */
    public KeyResponse update(String keyId, UpdateKeyRequest change) {
        requireAhead(change.expiresAt().value(), clock.instant());
        if (change.models().given()) {
            models.requireConfigured(change.models().value());
        }
        ListedKey updated;
        try {
            updated = store.update(keyId, key -> changed(key, change)).orElseThrow(() -> unknown(keyId));
        } catch (StateUnavailableException e) {
            LOG.warn("changing virtual key {} failed: {}", keyId, e.getMessage());
            throw new StateStoreUnavailableException("The change may not have taken effect: the state store is "
                    + "unavailable; send it again shortly (the same change twice is safe)");
        } finally {
            // Also when the answer is unknown: the change may have landed.
            cache.drop(keyId);
        }
        if (updated.revoked()) {
            throw new ApiException(409, "key_revoked", "Virtual key '" + keyId + "' was revoked at "
                    + updated.revokedAt() + "; a revoked key cannot be changed", "id");
        }
        LOG.info("virtual key {} changed: {}", keyId, String.join(", ", change.given()));
        return KeyViews.response(updated);
    }

    /** 400 on {@code expires_at} for an expiry that is not later than {@code now}; null (never) passes. */
    private static void requireAhead(Instant expiresAt, Instant now) {
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            throw new InvalidRequestException("expires_at", "'expires_at' must be later than now (" + now + ")");
        }
    }

    private static ApiException unknown(String keyId) {
        return new ApiException(404, "not_found", "No virtual key has id '" + keyId + "'", "id");
    }

    /** {@code key} with the fields {@code change} gives; its id, user and creation time stay. */
    private static VirtualKey changed(VirtualKey key, UpdateKeyRequest change) {
        BudgetCaps budget = change.budget().given() ? CreateKeyCommand.caps(change.budget().value()) : key.budget();
        RateLimits limits = change.limits().given() ? CreateKeyCommand.limits(change.limits().value()) : key.limits();
        return new VirtualKey(key.id(), key.user(), budget, limits, key.createdAt(), change.name().or(key.name()),
                change.expiresAt().or(key.expiresAt()), change.models().or(key.models()));
    }

    /**
     * The caller a presented key stands for, or empty when it is no virtual key. A key that cannot be
     * one of ours (wrong prefix or length) costs no store call.
     *
     * @throws StateUnavailableException when the store cannot be asked
     */
    public Optional<Caller> authenticate(String presentedKey) {
        if (!couldBeOurs(presentedKey)) {
            return Optional.empty();
        }
        String hash = KeyHashes.sha256Hex(presentedKey);
        Known known = cached(hash);
        if (known.answered()) {
            return known.caller();
        }
        Instant readAt = clock.instant();
        VirtualKey key = store.findByHash(hash).orElse(null);
        cache.put(hash, key, readAt);
        return Optional.ofNullable(key).filter(this::live).map(KeyService::caller);
    }

    /**
     * What {@link #authenticate} would answer, when that is known without the store (the key cannot be
     * one of ours, or the cache holds its answer): for a caller that must not block.
     */
    public Known fromMemory(String presentedKey) {
        return couldBeOurs(presentedKey) ? cached(KeyHashes.sha256Hex(presentedKey)) : Known.answer(Optional.empty());
    }

    private static boolean couldBeOurs(String presentedKey) {
        return presentedKey != null && presentedKey.length() == KEY_LENGTH && presentedKey.startsWith(KEY_PREFIX);
    }

    private Known cached(String hash) {
        return cache.get(hash)
                .map(cached -> Known.answer(Optional.ofNullable(cached.key()).filter(this::live).map(KeyService::caller)))
                .orElse(Known.UNANSWERED);
    }

    /**
     * What the process knows of a presented key without asking the store.
     *
     * @param answered whether it knows; when false only the store can tell
     * @param caller   the key's caller, empty when it is no key of ours (or not answered)
     */
    public record Known(boolean answered, Optional<Caller> caller) {

        static final Known UNANSWERED = new Known(false, Optional.empty());

        static Known answer(Optional<Caller> caller) {
            return new Known(true, caller);
        }
    }

    /** Not past its expiry: checked at each use, cached or read, so that a key ends on time everywhere. */
    private boolean live(VirtualKey key) {
        return !key.expiredAt(clock.instant());
    }

    static Caller caller(VirtualKey key) {
        return new Caller(key.user(), key.id(), key.budget(), key.limits(), false, key.models());
    }

    private String randomBase64Url(int bytes) {
        byte[] buffer = new byte[bytes];
        random.nextBytes(buffer);
        return BASE64URL.encodeToString(buffer);
    }
}
