package dev.switchboard.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes a trained router's state for {@code --save-state}. */
final class StateFile {

    private StateFile() {
    }

    /**
     * Writes {@code state} to {@code file}, creating missing parent folders. It goes to a temporary file
     * beside the target first and is then moved over it, so a gateway reading the path never sees half
     * a state.
     */
    static void write(Path file, byte[] state) {
        Path absolute = file.toAbsolutePath();
        Path temporary = null;
        try {
            Files.createDirectories(absolute.getParent());
            temporary = Files.createTempFile(absolute.getParent(), absolute.getFileName().toString(), ".tmp");
            Files.write(temporary, state);
            Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            deleteQuietly(temporary);
            throw new UncheckedIOException("cannot write the router state to " + file + ": " + describe(e), e);
        }
    }

    private static String describe(IOException e) {
        // Several NIO exceptions carry only the path as their message; the class name says what went wrong.
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage());
    }

    private static void deleteQuietly(Path temporary) {
        if (temporary != null) {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException ignored) {
                // The write already failed; that error is the one to report.
            }
        }
    }
}
