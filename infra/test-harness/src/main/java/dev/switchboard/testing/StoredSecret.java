package dev.switchboard.testing;

import java.time.Instant;

/**
 * One secret as {@link SecretsManagerTestServer} keeps it: only the current version is retained,
 * because nothing in Switchboard reads older versions.
 */
record StoredSecret(String name, String arn, String versionId, String secretString,
                    Instant createdDate, Instant lastChangedDate) {
}
