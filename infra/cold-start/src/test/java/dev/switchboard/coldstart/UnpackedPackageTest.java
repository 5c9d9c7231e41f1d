package dev.switchboard.coldstart;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UnpackedPackageTest {

    @Test
    void extractsEveryEntryIntoAnEmptiedFolder(@TempDir Path dir) throws IOException {
        Path jar = jar(dir.resolve("f.jar"), "META-INF/services/x.Y", "a.B", "a/B.class", "cafe");
        Path task = dir.resolve("task");
        Files.createDirectories(task);
        Files.writeString(task.resolve("stale.class"), "from an older package");

        Path root = UnpackedPackage.unpack(jar, task);

        assertEquals("a.B", Files.readString(root.resolve("META-INF/services/x.Y")));
        assertEquals("cafe", Files.readString(root.resolve("a/B.class")));
        assertFalse(Files.exists(root.resolve("stale.class")));
    }

    @Test
    void refusesAnEntryThatWouldLandOutsideTheFolder(@TempDir Path dir) throws IOException {
        Path jar = jar(dir.resolve("evil.jar"), "../outside.txt", "x");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> UnpackedPackage.unpack(jar, dir.resolve("task")));

        assertTrue(e.getMessage().contains("../outside.txt"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("outside.txt")));
    }

    /** A jar of name, content pairs. */
    private static Path jar(Path file, String... entries) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (int i = 0; i < entries.length; i += 2) {
                zip.putNextEntry(new ZipEntry(entries[i]));
                zip.write(entries[i + 1].getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return file;
    }
}
