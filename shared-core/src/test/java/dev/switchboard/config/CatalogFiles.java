package dev.switchboard.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes providers files for the loader's tests into a test's temporary folder. */
record CatalogFiles(Path dir) {

    String write(String yaml) {
        try {
            Path file = Files.createTempFile(dir, "providers", ".yml");
            Files.writeString(file, yaml);
            return file.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
