package dev.switchboard.gateway;

import dev.switchboard.config.ConfigurationError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/** One gateway per data folder, across processes and within one; every refusal names SWITCHBOARD_DATA_DIR. */
class DataDirLockTest {

    @TempDir
    Path dir;

    /** Holds the lock on args[0] in its own process until its stdin closes. */
    public static final class Holder {
        public static void main(String[] args) throws Exception {
            try (DataDirLock lock = DataDirLock.take(Path.of(args[0]))) {
                System.out.println("locked");
                System.out.flush();
                while (System.in.read() >= 0) {
                    // Held until the test closes our stdin.
                }
            }
        }
    }

    @Test
    void aFolderHeldByAnotherProcessIsInUseUntilThatProcessEnds() throws Exception {
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Holder.class.getName(), dir.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(),
                    StandardCharsets.UTF_8));
            assertEquals("locked", out.readLine());

            ConfigurationError e = assertThrows(ConfigurationError.class, () -> DataDirLock.take(dir));

            assertEquals("SWITCHBOARD_DATA_DIR=" + dir + ": in use by another local gateway", e.getMessage());
        } finally {
            holder.getOutputStream().close();
            holder.waitFor();
        }
        DataDirLock.take(dir).close();
    }

    @Test
    void aFolderHeldInThisProcessIsInUseEvenThroughALinkAndFreeAfterClose() throws Exception {
        Path link = Files.createSymbolicLink(dir.resolve("link"), Files.createDirectory(dir.resolve("data")));
        try (DataDirLock held = DataDirLock.take(dir.resolve("data"));
             DataDirLock other = DataDirLock.take(dir.resolve("other"))) {
            ConfigurationError e = assertThrows(ConfigurationError.class, () -> DataDirLock.take(link));
            assertEquals("SWITCHBOARD_DATA_DIR=" + link + ": in use by another local gateway", e.getMessage());
        }
        DataDirLock.take(link).close();
    }

    @Test
    void aFolderUnderAFileCannotBeCreated() {
        Path below = dir.resolve("file").resolve("data");

        ConfigurationError e = assertThrows(ConfigurationError.class, () -> {
            Files.writeString(dir.resolve("file"), "x");
            DataDirLock.take(below);
        });

        assertEquals("SWITCHBOARD_DATA_DIR=" + below + ": cannot be used (" + below + ": Not a directory)",
                e.getMessage());
    }

    @Test
    void anUnwritableFolderIsNamed() throws Exception {
        Path data = Files.createDirectory(dir.resolve("data"), PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("r-xr-xr-x")));
        assumeFalse(Files.isWritable(data), "root writes anywhere");

        ConfigurationError e = assertThrows(ConfigurationError.class, () -> DataDirLock.take(data));

        assertEquals("SWITCHBOARD_DATA_DIR=" + data + ": is not writable", e.getMessage());
    }
}
