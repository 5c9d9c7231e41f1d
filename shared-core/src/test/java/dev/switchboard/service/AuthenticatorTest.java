package dev.switchboard.service;

import dev.switchboard.api.ApiException;
import dev.switchboard.api.CreateKeyRequestParser;
import dev.switchboard.state.RateLimits;
import dev.switchboard.testsupport.AdminKeySources;
import dev.switchboard.testsupport.CoreFixture;
import dev.switchboard.testsupport.LogLines;
import dev.switchboard.testsupport.MutableClock;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AuthenticatorTest {

    private static final KeyModels KEY_MODELS = new KeyModels(CoreFixture.builtInCandidates());

    private static final String ADMIN_KEY = "admin-canary-5f1e";

    private final CountingKeyStore store = new CountingKeyStore();
    private final KeyService keys = new KeyService(store, new SeededSecureRandom(3), new MutableClock(), KEY_MODELS);
    private final String virtualKey = keys.create(new CreateKeyCommand("alice", null, null, RateLimits.rpm(10))).key();

    @Test
    void locallyWithoutAnAdminKeyEveryoneIsAnonymous() {
        Authenticator off = new Authenticator(new AdminKey(null, false), keys);

        assertSame(Caller.ANONYMOUS, off.authenticate("POST", "/keys", null));
        assertSame(Caller.ANONYMOUS, off.authenticate("POST", "/complete", "Bearer nonsense"));
        assertFalse(new AdminKey("  ", false).authenticationOn(), "a blank admin key is no admin key");
    }

    @Test
    void withAnAdminKeyAMissingMalformedOrUnknownKeyIs401() {
        Authenticator on = new Authenticator(new AdminKey(ADMIN_KEY, false), keys);

        for (String header : new String[]{null, "", "Bearer", "Bearer ", "Basic abc", ADMIN_KEY, "Bearer a b",
                "Bearer wrong-admin-key", "Bearer sb-" + "B".repeat(43)}) {
            ApiException refused = assertThrows(ApiException.class, () -> on.authenticate("POST", "/complete", header),
                    String.valueOf(header));
            assertEquals(401, refused.status());
            assertEquals("unauthorized", refused.type());
            assertFalse(refused.getMessage().contains(ADMIN_KEY));
        }
    }

    @Test
    void theAdminKeyIsAdminAndAVirtualKeyIsItsUserButNotOnAdminRoutes() {
        Authenticator on = new Authenticator(new AdminKey(ADMIN_KEY, false), keys);

        assertSame(Authenticator.ADMIN, on.authenticate("POST", "/keys", "Bearer " + ADMIN_KEY));
        assertSame(Authenticator.ADMIN, on.authenticate("POST", "/complete", "bearer  " + ADMIN_KEY));
        Caller alice = on.authenticate("POST", "/complete", "Bearer " + virtualKey);
        assertEquals("alice", alice.principal());
        assertFalse(alice.admin());
        for (String route : new String[]{"POST /keys", "POST /simulate/failure", "GET /keys", "DELETE /keys/vk_x",
                "DELETE //keys/vk_x/", "HEAD /keys"}) {
            String[] parts = route.split(" ");
            ApiException refused = assertThrows(ApiException.class,
                    () -> on.authenticate(parts[0], parts[1], "Bearer " + virtualKey), route);
            assertEquals(403, refused.status(), route);
        }
        assertEquals("alice", on.authenticate("GET", "/keystone", "Bearer " + virtualKey).principal(),
                "only /keys and what lies under it");
        assertTrue(on.isOpen("GET", "/health"));
        assertFalse(on.isOpen("GET", "/stats"));
    }

    @Test
    void aVirtualKeyPutInTheRefusedAdminRoutesPathIsNotLogged() {
        Authenticator on = new Authenticator(new AdminKey(ADMIN_KEY, false), keys);

        try (LogLines logs = new LogLines()) {
            ApiException refused = assertThrows(ApiException.class,
                    () -> on.authenticate("DELETE", "/keys/" + virtualKey, "Bearer " + virtualKey));

            assertEquals(403, refused.status());
            assertTrue(logs.lines().stream().anyMatch(line -> line.contains("refused on admin route DELETE /keys/sb-…")),
                    logs.lines().toString());
            assertTrue(logs.lines().stream().noneMatch(line -> line.contains(virtualKey.substring(3))));
        }
    }

    @Test
    void onlyTheAdminKeyIsTheAdminOnAnOpenRouteAndEveryoneIsWhileAuthenticationIsOff() {
        Authenticator on = new Authenticator(new AdminKey(ADMIN_KEY, false), keys);

        assertTrue(on.isAdmin("Bearer " + ADMIN_KEY));
        for (String other : new String[]{null, "", "Bearer", "Bearer " + virtualKey, "Bearer " + ADMIN_KEY + "x",
                ADMIN_KEY}) {
            assertFalse(on.isAdmin(other), String.valueOf(other));
        }
        assertTrue(new Authenticator(new AdminKey(null, false), keys).isAdmin(null));
        assertFalse(new Authenticator(new AdminKey(null, true), keys).isAdmin("Bearer anything"),
                "on Lambda without an admin key nobody is the admin");
    }

    @Test
    void fromMemoryItDecidesWhatNeedsNoReadAndLeavesOnlyAnUncachedVirtualKeyUndecided() {
        Authenticator on = new Authenticator(new AdminKey(ADMIN_KEY, false), keys);
        String uncached = new KeyService(new CountingKeyStore(), new SeededSecureRandom(9), new MutableClock(),
                KEY_MODELS)
                .create(new CreateKeyCommand("bob", null, null, null)).key();

        assertEquals(Optional.of(Authenticator.ADMIN),
                on.authenticateFromMemory("POST", "/keys", "Bearer " + ADMIN_KEY));
        assertEquals(401, assertThrows(ApiException.class,
                () -> on.authenticateFromMemory("POST", "/complete", null)).status());
        assertEquals(401, assertThrows(ApiException.class,
                () -> on.authenticateFromMemory("POST", "/complete", "Bearer not-a-key")).status());
        assertEquals(Optional.empty(), on.authenticateFromMemory("POST", "/complete", "Bearer " + uncached));
        assertEquals(Optional.empty(), on.authenticateFromMemory("POST", "/keys", "Bearer " + uncached),
                "even on an admin route: only the store knows whether it is a key at all");
        assertEquals(0, store.lookups, "nothing was read");

        Caller alice = on.authenticate("POST", "/complete", "Bearer " + virtualKey);
        assertEquals(Optional.of(alice), on.authenticateFromMemory("POST", "/complete", "Bearer " + virtualKey));
        assertEquals(403, assertThrows(ApiException.class,
                () -> on.authenticateFromMemory("POST", "/keys", "Bearer " + virtualKey)).status());
        assertEquals(Optional.of(Caller.ANONYMOUS),
                new Authenticator(new AdminKey(null, false), keys).authenticateFromMemory("POST", "/keys", null));
    }

    @Test
    void fromMemoryAnAdminKeyStillToBeReadFromItsSourceIsLeftUndecidedAndNotRead() {
        AdminKeySources source = AdminKeySources.keeping(ADMIN_KEY);
        Authenticator lambda = new Authenticator(new AdminKey("", true, source, new MutableClock()), keys);

        assertEquals(Optional.empty(), lambda.authenticateFromMemory("POST", "/keys", "Bearer " + ADMIN_KEY));
        assertEquals(0, source.asked);
        assertSame(Authenticator.ADMIN, lambda.authenticate("POST", "/keys", "Bearer " + ADMIN_KEY));
        assertEquals(Optional.of(Authenticator.ADMIN),
                lambda.authenticateFromMemory("POST", "/keys", "Bearer " + ADMIN_KEY), "read once, then held");
        assertEquals(1, source.asked);
    }

    @Test
    void aRouteWithDoubledOrTrailingSlashesIsTheRouteTheRouterReaches() {
        assertEquals("/keys", Authenticator.routePath("//keys/"));
        assertEquals("/simulate/failure", Authenticator.routePath("/simulate///failure"));
        assertEquals("/", Authenticator.routePath("//"));
        assertEquals("/complete", Authenticator.routePath("/complete"));
    }

    @Test
    void onLambdaWithoutAnAdminKeyOnlyVirtualKeysPass() {
        Authenticator lambda = new Authenticator(new AdminKey(null, true), keys);

        assertEquals("alice", lambda.authenticate("GET", "/stats", "Bearer " + virtualKey).principal());
        assertEquals(401, assertThrows(ApiException.class, () -> lambda.authenticate("GET", "/stats", null)).status());
        assertEquals(401, assertThrows(ApiException.class,
                () -> lambda.authenticate("POST", "/keys", "Bearer anything")).status());
    }

    @Test
    void aStoreOutageIs503StateUnavailableNot401() {
        Authenticator on = new Authenticator(new AdminKey(ADMIN_KEY, false), keys);
        store.down = true;
        String uncached = new KeyService(new CountingKeyStore(), new SeededSecureRandom(9), new MutableClock(),
                KEY_MODELS)
                .create(new CreateKeyCommand("bob", null, null, null)).key();

        ApiException refused = assertThrows(ApiException.class,
                () -> on.authenticate("POST", "/complete", "Bearer " + uncached));

        assertEquals(503, refused.status());
        assertEquals("state_unavailable", refused.type());
        assertNull(refused.field());
        assertSame(Authenticator.ADMIN, on.authenticate("POST", "/keys", "Bearer " + ADMIN_KEY),
                "the admin key needs no store");
    }

    @Test
    void noVirtualKeyMayBeCreatedUnderTheAdminsOrAnonymousUsesName() {
        assertEquals(List.of(Authenticator.ADMIN.principal(), Caller.ANONYMOUS.principal()),
                CreateKeyRequestParser.RESERVED_USERS);
    }
}
