package dev.switchboard.service;

import dev.switchboard.config.ConfigurationError;
import dev.switchboard.secrets.ApiKey;
import dev.switchboard.secrets.ApiKeySource;
import dev.switchboard.secrets.ApiKeySourceKind;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.env.Environment;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Inject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The admin key (switchboard.admin-key, from SWITCHBOARD_ADMIN_KEY; when that is not set, the key
 * source's own, e.g. the Secrets Manager secret switchboard/{stage}/admin on Lambda) and whether
 * authentication is on: always on Lambda, elsewhere when an admin key is set or the key source keeps one
 * (Secrets Manager), even before it was read. A key source that
 * cannot be read at start-up is asked again, at most every {@link #RETRY_AFTER}, when the admin key is
 * next presented. Only the key's SHA-256 is kept;
 * presented keys are compared by hash with {@link MessageDigest#isEqual}, whose time does not
 * depend on where the first difference is. The key source is asked when a key is first presented, not
 * at start-up: the health probe authenticates nobody, and its role may not read the admin key.
 */
// Built at start-up, not with the first filter that needs it: a key set wrong must stop start-up, not every request.
@Context
public class AdminKey {

    private static final Logger LOG = LoggerFactory.getLogger(AdminKey.class);

    /** How long after a failed read of the key source the admin key is looked for again. */
    static final Duration RETRY_AFTER = Duration.ofSeconds(30);
    /**
     * How long a key read from the source is used before it is read again: a replaced admin key is in use
     * everywhere within this, as a rotated provider key is. While a read fails the known key stays in use.
     */
    static final Duration REFRESH_AFTER = Duration.ofMinutes(5);
    /** Below this an admin key is taken, with a warning: it is one guess away from every route. */
    static final int SHORTEST_ADVISED = 16;

    private volatile byte[] hash;
    private final boolean onLambda;
    private final ApiKeySource source;
    private final Clock clock;
    private volatile Instant nextTry;
    private volatile boolean warnedShort;

    @Inject
    public AdminKey(@Nullable @Value("${switchboard.admin-key:}") String adminKey, Environment environment,
                    ApiKeySource source, Clock clock) {
        this(adminKey, environment.getActiveNames().contains(ApiKeySourceKind.LAMBDA_ENVIRONMENT), source, clock);
    }

    public AdminKey(String adminKey, boolean onLambda) {
        this(adminKey, onLambda, null, Clock.systemUTC());
    }

    public AdminKey(String adminKey, boolean onLambda, ApiKeySource source, Clock clock) {
        this.onLambda = onLambda;
        this.source = adminKey == null || adminKey.isBlank() ? source : null;
        this.clock = clock;
        this.hash = this.source == null && adminKey != null && !adminKey.isBlank()
                ? KeyHashes.sha256(presentable(adminKey, "SWITCHBOARD_ADMIN_KEY")) : null;
        // The source is first asked when a key is presented: Micronaut's Lambda handlers build every
        // singleton at start-up, the health probe's included, whose role may not read the admin key.
        this.nextTry = this.source != null ? Instant.MIN : null;
        if (onLambda && hash == null && this.source == null) {
            warnNoAdminKey();
        }
    }

    /**
     * Off only off Lambda with no admin key set nor a source that keeps one; then every request is
     * {@link Caller#ANONYMOUS}. A gateway reading its keys from Secrets Manager anywhere (a container, say) has its
     * admin key there, and is never open to everyone only because it does not run on Lambda.
     */
    public boolean authenticationOn() {
        return onLambda || hash != null || (source != null && source.keepsAdminKey());
    }

    /** Whether the admin key is the one set in the settings (SWITCHBOARD_ADMIN_KEY), not one kept by a key source. */
    public boolean configured() {
        return source == null && hash != null;
    }

    /** Whether {@code presented} is the admin key; reads the key source first when that is due (blocking). */
    public boolean matches(String presented) {
        if (sourceDue()) {
            readFromSource();
        }
        return compare(presented);
    }

    /**
     * As {@link #matches}, but empty when the key source would have to be read first: for a caller that
     * must not block, which then asks {@link #matches} from a thread that may.
     */
    public Optional<Boolean> matchesWithoutSource(String presented) {
        return sourceDue() ? Optional.empty() : Optional.of(compare(presented));
    }

    private boolean sourceDue() {
        Instant retry = nextTry;
        return source != null && retry != null && !clock.instant().isBefore(retry);
    }

    private boolean compare(String presented) {
        byte[] known = hash;
        return known != null && presented != null && MessageDigest.isEqual(KeyHashes.sha256(presented), known);
    }

    /**
     * The key source's key as a caller can present it. One that cannot be is not used (the read fails, logged and
     * tried again), so a key fixed in the source is taken at the next read; a short one is warned of once.
     */
    private String fromSource(String key) {
        String usable = presentable(key, "the key source's admin key", !warnedShort);
        warnedShort |= usable.length() < SHORTEST_ADVISED;
        return usable;
    }

    /**
     * The key as a caller can present it: without the spaces or line end an env file leaves around it (a bearer
     * token is read stripped too); refused, naming {@code where} but not the key, when what is left holds a space
     * or anything but printable ASCII, which no Authorization header carries: the admin would be locked out
     * without a word.
     */
    static String presentable(String key, String where) {
        return presentable(key, where, true);
    }

    private static String presentable(String key, String where, boolean warnShort) {
        String stripped = key.strip();
        if (!ApiKey.carriable(stripped)) {
            throw new ConfigurationError(where + " must be printable ASCII without spaces, as a bearer token is");
        }
        if (warnShort && stripped.length() < SHORTEST_ADVISED) {
            LOG.warn("the admin key from {} has {} characters: one of at least {} random characters is advised",
                    where, stripped.length(), SHORTEST_ADVISED);
        }
        return stripped;
    }

    private static void warnNoAdminKey() {
        LOG.error("no admin key on Lambda (neither SWITCHBOARD_ADMIN_KEY nor the key source's): only virtual "
                + "keys are accepted, and no one can reach the admin routes");
    }

    private void readFromSource() {
        try {
            hash = source.adminKey().filter(k -> !k.isBlank()).map(this::fromSource).map(KeyHashes::sha256).orElse(null);
            nextTry = clock.instant().plus(REFRESH_AFTER);
            if (onLambda && hash == null) {
                warnNoAdminKey();
            }
        } catch (RuntimeException e) {
            nextTry = clock.instant().plus(RETRY_AFTER);
            LOG.error("the admin key could not be read ({}); trying again in {}s", e.getMessage(),
                    RETRY_AFTER.toSeconds());
        }
    }
}
