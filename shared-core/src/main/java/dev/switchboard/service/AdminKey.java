package dev.switchboard.service;

import dev.switchboard.secrets.ApiKeySourceKind;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.env.Environment;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Inject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.MessageDigest;

/**
 * The admin key (switchboard.admin-key, from SWITCHBOARD_ADMIN_KEY) and whether authentication is
 * on: always on Lambda, elsewhere only when an admin key is set. Only the key's SHA-256 is kept;
 * presented keys are compared by hash with {@link MessageDigest#isEqual}, whose time does not
 * depend on where the first difference is. Built at start-up, so that a Lambda without an admin
 * key says so at once.
 */
@Context
public class AdminKey {

    private static final Logger LOG = LoggerFactory.getLogger(AdminKey.class);

    private final byte[] hash;
    private final boolean onLambda;

    @Inject
    public AdminKey(@Nullable @Value("${switchboard.admin-key:}") String adminKey, Environment environment) {
        this(adminKey, environment.getActiveNames().contains(ApiKeySourceKind.LAMBDA_ENVIRONMENT));
    }

    public AdminKey(String adminKey, boolean onLambda) {
        this.hash = adminKey == null || adminKey.isBlank() ? null : KeyHashes.sha256(adminKey);
        this.onLambda = onLambda;
        if (onLambda && hash == null) {
            LOG.error("SWITCHBOARD_ADMIN_KEY is not set on Lambda: only virtual keys are accepted, and no one "
                    + "can reach the admin routes");
        }
    }

    /** Off only locally with no admin key set; then every request is {@link Caller#ANONYMOUS}. */
    public boolean authenticationOn() {
        return onLambda || hash != null;
    }

    public boolean matches(String presented) {
        return hash != null && presented != null && MessageDigest.isEqual(KeyHashes.sha256(presented), hash);
    }
}
