package dev.switchboard.testing;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** The secrets held by a {@link SecretsManagerTestServer}, in creation order, safe for concurrent use. */
final class SecretStore {

    static final String ACCOUNT_ID = "000000000000";
    private static final String SUFFIX_ALPHABET = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    private final Map<String, StoredSecret> byName = new LinkedHashMap<>();
    private final String region;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    SecretStore(String region, Clock clock) {
        this.region = region;
        this.clock = clock;
    }

    /** Creates the secret, or gives it a new current version keeping its ARN and creation date, as AWS does. */
    synchronized StoredSecret put(String name, String secretString) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(secretString, "secretString");
        Instant now = clock.instant();
        StoredSecret previous = byName.get(name);
        StoredSecret next = previous == null
                ? new StoredSecret(name, arnFor(name), newVersionId(), secretString, now, now)
                : new StoredSecret(name, previous.arn(), newVersionId(), secretString, previous.createdDate(), now);
        byName.put(name, next);
        return next;
    }

    /** AWS accepts either the friendly name or the full ARN wherever a SecretId is asked for. */
    synchronized Optional<StoredSecret> find(String secretId) {
        StoredSecret byFriendlyName = byName.get(secretId);
        if (byFriendlyName != null) {
            return Optional.of(byFriendlyName);
        }
        return byName.values().stream().filter(secret -> secret.arn().equals(secretId)).findFirst();
    }

    synchronized List<StoredSecret> all() {
        return new ArrayList<>(byName.values());
    }

    /** Real ARNs end in a dash and six random characters, so a client that builds ARNs from names breaks here too. */
    private String arnFor(String name) {
        StringBuilder suffix = new StringBuilder(6);
        for (int i = 0; i < 6; i++) {
            suffix.append(SUFFIX_ALPHABET.charAt(random.nextInt(SUFFIX_ALPHABET.length())));
        }
        return "arn:aws:secretsmanager:" + region + ":" + ACCOUNT_ID + ":secret:" + name + "-" + suffix;
    }

    private static String newVersionId() {
        return UUID.randomUUID().toString();
    }
}
