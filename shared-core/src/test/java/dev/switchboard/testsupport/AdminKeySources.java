package dev.switchboard.testsupport;

import dev.switchboard.secrets.ApiKey;
import dev.switchboard.secrets.ApiKeySource;

import java.util.Optional;

/** A key source whose admin key read fails while {@link #down}, counting the reads. */
public final class AdminKeySources implements ApiKeySource {

    public String stored;
    public boolean down;
    public int asked;

    /** Down: every read fails until the test says otherwise. */
    public static AdminKeySources down() {
        AdminKeySources source = new AdminKeySources();
        source.down = true;
        return source;
    }

    /** Up, keeping {@code adminKey}. */
    public static AdminKeySources keeping(String adminKey) {
        AdminKeySources source = new AdminKeySources();
        source.stored = adminKey;
        return source;
    }

    @Override
    public Optional<ApiKey> apiKey(String providerName) {
        return Optional.empty();
    }

    @Override
    public String describe(String providerName) {
        return "test";
    }

    /** As Secrets Manager, which it stands in for. */
    @Override
    public boolean keepsAdminKey() {
        return true;
    }

    @Override
    public Optional<String> adminKey() {
        asked++;
        if (down) {
            throw new IllegalStateException("Secrets Manager unreachable");
        }
        return Optional.ofNullable(stored);
    }
}
