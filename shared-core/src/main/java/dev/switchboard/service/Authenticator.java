package dev.switchboard.service;

import dev.switchboard.api.ApiException;
import dev.switchboard.api.StateStoreUnavailableException;
import dev.switchboard.state.BudgetCaps;
import dev.switchboard.state.StateUnavailableException;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Who sent a request, from its Authorization header: the admin, a virtual key's user, or (while
 * authentication is off) {@link Caller#ANONYMOUS}. Refusals are {@link ApiException}s: 401 for a
 * missing, malformed or unknown key, 403 for a virtual key on an admin route, 503 when the key
 * store cannot be asked (a key we cannot check is neither good nor bad). No key is ever logged.
 */
@Singleton
public class Authenticator {

    /** The admin key's caller: no budget caps of its own (a key it creates gets them), no key limits. */
    public static final Caller ADMIN = new Caller("admin", null, new BudgetCaps(null, null), null, true);

    /** Method and path of the routes only the admin may use, besides every route under {@link #KEYS}. */
    static final Set<String> ADMIN_ROUTES = Set.of("POST /simulate/failure");
    /** Creating, listing and revoking virtual keys, whatever the method. */
    static final String KEYS = "/keys";
    /** Open to anyone, so that load balancers and probes need no key. */
    static final Set<String> OPEN_ROUTES = Set.of("GET /health", "HEAD /health");

    private static final Logger LOG = LoggerFactory.getLogger(Authenticator.class);
    private static final String BEARER = "bearer ";
    private static final Pattern DOUBLED_SLASHES = Pattern.compile("/{2,}");

    private final AdminKey adminKey;
    private final KeyService keys;

    public Authenticator(AdminKey adminKey, KeyService keys) {
        this.adminKey = adminKey;
        this.keys = keys;
    }

    /** Whether {@code method path} may be called without a key. */
    public boolean isOpen(String method, String path) {
        return OPEN_ROUTES.contains(method + " " + routePath(path));
    }

    /**
     * The path as the router matches it: the router forgives a trailing slash and doubled slashes
     * ({@code /keys/}, {@code //keys}), so the admin check must see the same route it will reach.
     */
    static String routePath(String path) {
        String collapsed = path == null ? "/"
                : path.contains("//") ? DOUBLED_SLASHES.matcher(path).replaceAll("/") : path;
        while (collapsed.length() > 1 && collapsed.endsWith("/")) {
            collapsed = collapsed.substring(0, collapsed.length() - 1);
        }
        return collapsed;
    }

    static boolean adminRoute(String method, String path) {
        String route = routePath(path);
        return route.equals(KEYS) || route.startsWith(KEYS + "/") || ADMIN_ROUTES.contains(method + " " + route);
    }

    /**
     * Whether this Authorization header carries the admin key (always true while authentication is off): for
     * an open route that shows the admin more than anyone else. Never throws; reads the key's source when due.
     */
    public boolean isAdmin(String authorization) {
        if (!adminKey.authenticationOn()) {
            return true;
        }
        String presented = bearer(authorization);
        return presented != null && adminKey.matches(presented);
    }

    /** Refuses anyone but the admin: the controllers of admin routes check this too, besides the filter. */
    public static void requireAdmin(Caller caller) {
        if (!caller.admin()) {
            throw new ApiException(403, "forbidden", "This route needs the admin key", null);
        }
    }

    /**
     * @param authorization the Authorization header, or null when absent
     * @return the caller; never null
     * @throws ApiException 401, 403 or 503 as described above
     */
    public Caller authenticate(String method, String path, String authorization) {
        return decide(method, path, authorization, true)
                .orElseThrow(() -> new IllegalStateException("a decision that may read always decides"));
    }

    /**
     * As {@link #authenticate}, from what the process already holds: empty when the key store or the
     * admin key's source would have to be read (a virtual key the cache does not hold), so that a caller
     * on an event loop can hand only that case to a thread that may block.
     *
     * @throws ApiException as {@link #authenticate}, for the refusals it can make without reading
     */
    public Optional<Caller> authenticateFromMemory(String method, String path, String authorization) {
        return decide(method, path, authorization, false);
    }

    private Optional<Caller> decide(String method, String path, String authorization, boolean mayRead) {
        if (!adminKey.authenticationOn()) {
            return Optional.of(Caller.ANONYMOUS);
        }
        String presented = bearer(authorization);
        if (presented == null) {
            throw unauthorized("Send the key as 'Authorization: Bearer <key>'");
        }
        Optional<Boolean> admin = mayRead ? Optional.of(adminKey.matches(presented))
                : adminKey.matchesWithoutSource(presented);
        if (admin.isEmpty()) {
            return Optional.empty();
        }
        if (admin.get()) {
            return Optional.of(ADMIN);
        }
        Optional<Caller> found;
        if (mayRead) {
            found = lookUp(presented);
        } else {
            KeyService.Known known = keys.fromMemory(presented);
            if (!known.answered()) {
                return Optional.empty();
            }
            found = known.caller();
        }
        Caller caller = found.orElseThrow(() -> unauthorized("The key is not valid"));
        if (adminRoute(method, path)) {
            LOG.info("virtual key {} refused on admin route {} {}", caller.keyId(), method, PathForLogs.of(path));
            throw new ApiException(403, "forbidden", "This route needs the admin key", null);
        }
        return Optional.of(caller);
    }

    private Optional<Caller> lookUp(String presented) {
        try {
            return keys.authenticate(presented);
        } catch (StateUnavailableException e) {
            LOG.warn("virtual key lookup failed: {}", e.getMessage());
            throw new StateStoreUnavailableException(
                    "Keys cannot be checked right now: the state store is unavailable; retry shortly");
        }
    }

    private static String bearer(String authorization) {
        if (authorization == null || authorization.length() <= BEARER.length()
                || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        String key = authorization.substring(BEARER.length()).strip();
        return key.isEmpty() || key.chars().anyMatch(c -> c <= ' ' || c > '~') ? null : key;
    }

    private static ApiException unauthorized(String message) {
        return new ApiException(401, "unauthorized", message, null);
    }
}
