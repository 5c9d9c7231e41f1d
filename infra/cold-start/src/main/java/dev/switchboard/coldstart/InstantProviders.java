package dev.switchboard.coldstart;

import dev.switchboard.config.ProviderCatalog;
import dev.switchboard.config.ProviderCatalogLoader;
import dev.switchboard.config.ProviderConfig;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * The built-in simulated providers, each answering at once and never failing. A cold start is the
 * function's own cost: the built-in set's simulated model latency (60 to 330 ms a call) and its 10%
 * failure rate (a retry or a fallback) would time the model, not the function, and vary run to run.
 */
final class InstantProviders {

    static final String FILE_NAME = "providers-instant.yml";

    private static final Pattern LATENCY = Pattern.compile("latency-ms:\\s*\\d+");
    private static final Pattern FAILURES = Pattern.compile("failure-rate:\\s*[0-9.]+");

    private InstantProviders() {
    }

    /** Writes the file into {@code dir} and returns its path, checked by the gateway's own loader. */
    static Path write(Path dir) {
        String builtIn = LATENCY.matcher(builtIn()).replaceAll("latency-ms: 0");
        String instant = FAILURES.matcher(builtIn).replaceAll("failure-rate: 0.0");
        Path file = dir.toAbsolutePath().resolve(FILE_NAME);
        try {
            Files.writeString(file, instant);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ProviderCatalog catalog = new ProviderCatalogLoader().load(file.toString());
        for (ProviderConfig provider : catalog.providers()) {
            if (provider.simulation() != null && (provider.simulation().latencyMs() != 0
                    || provider.simulation().failureRate() != 0)) {
                throw new IllegalStateException(file + ": provider " + provider.name()
                        + " still simulates latency or failures; the built-in file's layout changed");
            }
        }
        return file;
    }

    private static String builtIn() {
        String resource = ProviderCatalogLoader.BUILT_IN.substring("classpath:".length());
        try (InputStream in = InstantProviders.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
