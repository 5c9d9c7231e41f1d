package dev.switchboard.api.http;

import dev.switchboard.service.AdminKey;
import dev.switchboard.service.Authenticator;
import dev.switchboard.service.Caller;
import dev.switchboard.service.CreateKeyCommand;
import dev.switchboard.service.KeyModels;
import dev.switchboard.service.KeyService;
import dev.switchboard.state.KeyPage;
import dev.switchboard.state.ListedKey;
import dev.switchboard.state.StateUnavailableException;
import dev.switchboard.state.VirtualKey;
import dev.switchboard.state.VirtualKeyStore;
import dev.switchboard.state.memory.InMemoryVirtualKeyStore;
import dev.switchboard.testsupport.AdminKeySources;
import dev.switchboard.testsupport.CoreFixture;
import dev.switchboard.testsupport.MutableClock;
import io.micronaut.context.propagation.slf4j.MdcPropagationContext;
import io.micronaut.core.propagation.PropagatedContext;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The filter decides on the thread the request arrived on whenever nothing must be read, and hands
 * the blocking executor only a virtual key the process does not hold yet.
 */
class AuthenticationFilterTest {

    private static final KeyModels KEY_MODELS = new KeyModels(CoreFixture.builtInCandidates());

    private static final String ADMIN_KEY = "filter-admin-canary-7";

    private final CountingStore store = new CountingStore();
    private final MutableClock clock = new MutableClock();
    private final KeyService keys = new KeyService(store, seeded(5), clock, KEY_MODELS);
    private final QueuedExecutor blocking = new QueuedExecutor();
    private final AuthenticationFilter filter =
            new AuthenticationFilter(new Authenticator(new AdminKey(ADMIN_KEY, false), keys), blocking);

    @Test
    void anOpenRouteTheAdminKeyAMissingKeyAndACachedKeyAreDecidedWhereTheRequestArrived() {
        String cached = keys.create(new CreateKeyCommand("alice", null, null, null)).key();

        assertPassed(filter.authenticate(HttpRequest.GET("/health")));
        MutableHttpRequest<?> admin = request("/keys", ADMIN_KEY);
        assertPassed(filter.authenticate(admin));
        MutableHttpRequest<?> alice = request("/complete", cached);
        assertPassed(filter.authenticate(alice));
        HttpResponse<?> refused = refusal(filter.authenticate(request("/complete", null)));
        HttpResponse<?> escalation = refusal(filter.authenticate(request("/keys", cached)));

        assertEquals(Authenticator.ADMIN, caller(admin));
        assertEquals("alice", caller(alice).principal());
        assertEquals(401, refused.code());
        assertEquals("Bearer", refused.getHeaders().get(HttpHeaders.WWW_AUTHENTICATE));
        assertEquals(403, escalation.code());
        assertEquals(0, blocking.handed, "nothing went to the blocking executor");
        assertEquals(0, store.lookups);
    }

    @Test
    void aKeyTheProcessDoesNotHoldIsLookedUpOnTheBlockingExecutorAndThenHeld() {
        String elsewhere = new KeyService(store, seeded(6), clock, KEY_MODELS)
                .create(new CreateKeyCommand("bob", null, null, null)).key();
        MutableHttpRequest<?> bob = request("/complete", elsewhere);

        CompletableFuture<Optional<HttpResponse<?>>> decided = filter.authenticate(bob);

        assertFalse(decided.isDone(), "waits for the lookup");
        assertEquals(0, store.lookups, "not read where the request arrived");
        blocking.runAll();
        assertPassed(decided);
        assertEquals("bob", caller(bob).principal());
        assertEquals(1, store.lookups);

        MutableHttpRequest<?> again = request("/complete", elsewhere);
        assertPassed(filter.authenticate(again));
        assertEquals("bob", caller(again).principal());
        assertEquals(1, blocking.handed, "held now: decided where it arrived");
    }

    @Test
    void anUnknownKeyIsRefusedAfterItsLookupAndTheRefusalIsHeldBriefly() {
        String unknown = "sb-" + "Q".repeat(43);

        CompletableFuture<Optional<HttpResponse<?>>> decided = filter.authenticate(request("/complete", unknown));
        blocking.runAll();

        assertEquals(401, refusal(decided).code());
        assertEquals(401, refusal(filter.authenticate(request("/complete", unknown))).code());
        assertEquals(1, blocking.handed);
        assertEquals(1, store.lookups);
    }

    @Test
    void aStoreOutageDuringTheLookupIs503() {
        store.down = true;

        CompletableFuture<Optional<HttpResponse<?>>> decided =
                filter.authenticate(request("/complete", "sb-" + "R".repeat(43)));
        assertFalse(decided.isDone(), "the store is asked only on the blocking executor");
        blocking.runAll();

        assertEquals(503, refusal(decided).code());
        assertEquals(1, blocking.handed);
    }

    @Test
    void anAdminKeyStillToBeReadFromItsSourceIsReadOnTheBlockingExecutor() {
        AdminKeySources source = AdminKeySources.keeping(ADMIN_KEY);
        AuthenticationFilter onLambda = new AuthenticationFilter(
                new Authenticator(new AdminKey("", true, source, clock), keys), blocking);
        MutableHttpRequest<?> admin = request("/keys", ADMIN_KEY);

        CompletableFuture<Optional<HttpResponse<?>>> decided = onLambda.authenticate(admin);

        assertFalse(decided.isDone());
        assertEquals(0, source.asked);
        blocking.runAll();
        assertPassed(decided);
        assertEquals(Authenticator.ADMIN, caller(admin));
        assertEquals(1, source.asked);
    }

    @Test
    void theLookupRunsWithTheRequestsLoggingContext() throws InterruptedException {
        PropagatedContext requests = PropagatedContext.getOrEmpty()
                .plus(new MdcPropagationContext(Map.of("request_id", "req-42")));
        CompletableFuture<Optional<HttpResponse<?>>> decided;
        try (PropagatedContext.Scope ignored = requests.propagate()) {
            decided = filter.authenticate(request("/complete", "sb-" + "S".repeat(43)));
        }

        Thread pooled = new Thread(blocking::runAll);
        pooled.start();
        pooled.join();

        assertEquals(401, refusal(decided).code());
        assertEquals("req-42", store.requestIdSeen, "the store was asked within the request's context");
    }

    private static MutableHttpRequest<?> request(String path, String key) {
        MutableHttpRequest<?> request = HttpRequest.POST(path, "{}");
        if (key != null) {
            request.header(HttpHeaders.AUTHORIZATION, "Bearer " + key);
        }
        return request;
    }

    private static void assertPassed(CompletableFuture<Optional<HttpResponse<?>>> decided) {
        assertTrue(decided.isDone());
        assertEquals(Optional.empty(), decided.join());
    }

    private static HttpResponse<?> refusal(CompletableFuture<Optional<HttpResponse<?>>> decided) {
        assertTrue(decided.isDone());
        return decided.join().orElseThrow();
    }

    private static Caller caller(HttpRequest<?> request) {
        return request.getAttribute(AuthenticationFilter.CALLER, Caller.class)
                .orElseThrow(() -> new AssertionError("no caller on the request"));
    }

    private static SecureRandom seeded(long seed) {
        try {
            SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
            random.setSeed(seed);
            return random;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Holds what it is handed until the test runs it. */
    private static final class QueuedExecutor implements Executor {
        private final Queue<Runnable> queued = new ArrayDeque<>();
        int handed;

        @Override
        public void execute(Runnable task) {
            handed++;
            queued.add(task);
        }

        void runAll() {
            while (!queued.isEmpty()) {
                queued.poll().run();
            }
        }
    }

    /** The in-memory store, counting lookups and noting the logging context they ran in; can fail. */
    private static final class CountingStore implements VirtualKeyStore {
        private final InMemoryVirtualKeyStore keys = new InMemoryVirtualKeyStore();
        int lookups;
        boolean down;
        String requestIdSeen;

        @Override
        public void create(String keyHash, VirtualKey key) {
            keys.create(keyHash, key);
        }

        @Override
        public Optional<VirtualKey> findByHash(String keyHash) {
            lookups++;
            requestIdSeen = MDC.get("request_id");
            if (down) {
                throw new StateUnavailableException("reading a virtual key from DynamoDB failed", null);
            }
            return keys.findByHash(keyHash);
        }

        @Override
        public KeyPage list(String afterId, int limit, String user) {
            return keys.list(afterId, limit, user);
        }

        @Override
        public Optional<ListedKey> revoke(String keyId, Instant at) {
            return keys.revoke(keyId, at);
        }

        @Override
        public Optional<ListedKey> update(String keyId, UnaryOperator<VirtualKey> change) {
            return keys.update(keyId, change);
        }
    }
}
