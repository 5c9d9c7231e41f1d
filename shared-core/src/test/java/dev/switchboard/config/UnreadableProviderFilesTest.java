package dev.switchboard.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A providers file that is not there, not a file or not text: said plainly, with the absolute path. */
class UnreadableProviderFilesTest {

    private final ProviderCatalogLoader loader = new ProviderCatalogLoader();

    @TempDir
    Path dir;

    @Test
    void aMissingFileSaysItDoesNotExistWithTheAbsolutePath() {
        String file = dir.resolve("does-not-exist.yml").toString();

        ConfigurationError e = assertThrows(ConfigurationError.class, () -> loader.load(file));

        assertEquals(file + ": does not exist (" + file + ")", e.getMessage());
    }

    @Test
    void aMissingRelativePathIsShownResolvedAgainstTheWorkingDirectory() {
        String relative = "no-such-folder/providers.yml";

        ConfigurationError e = assertThrows(ConfigurationError.class, () -> loader.load(relative));

        assertEquals(relative + ": does not exist (" + Path.of(relative).toAbsolutePath() + ")", e.getMessage());
    }

    @Test
    void aDirectoryIsNotAFile() {
        ConfigurationError e = assertThrows(ConfigurationError.class, () -> loader.load(dir.toString()));

        assertEquals(dir + ": is a directory, not a file (" + dir + ")", e.getMessage());
    }

    @Test
    void aBinaryFileIsNotUtf8Text() throws Exception {
        Path file = Files.write(dir.resolve("providers.yml"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a});

        ConfigurationError e = assertThrows(ConfigurationError.class, () -> loader.load(file.toString()));

        assertEquals(file + ": is not UTF-8 text (" + file + ")", e.getMessage());
    }
}
