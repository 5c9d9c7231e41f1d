package dev.switchboard.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The account PostgreSQL runs as when the tests themselves run as root (containers, CI): initdb and
 * postgres refuse uid 0, and initdb also needs the account to exist in /etc/passwd, which {@code nobody}
 * does on every mainstream Linux distribution.
 */
record UnprivilegedUser(String name, int uid, int gid) {

    static final String DEFAULT_NAME = "nobody";
    private static final Path PASSWD = Path.of("/etc/passwd");

    static UnprivilegedUser nobody() {
        return lookUp(DEFAULT_NAME, PASSWD);
    }

    static UnprivilegedUser lookUp(String name, Path passwd) {
        List<String> lines;
        try {
            lines = Files.readAllLines(passwd);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + passwd + " to find the user '" + name + "'", e);
        }
        for (String line : lines) {
            String[] fields = line.split(":", -1);
            if (fields.length >= 4 && fields[0].equals(name)) {
                return new UnprivilegedUser(name, Integer.parseInt(fields[2]), Integer.parseInt(fields[3]));
            }
        }
        throw new IllegalStateException("Running as root, PostgreSQL must be started as an unprivileged user, but '"
                + name + "' is not in " + passwd + ". Add it, or run the tests as a non-root user.");
    }

    /** True when this JVM runs with uid 0 on a Unix-like system. */
    static boolean currentProcessIsRoot() {
        try {
            return new com.sun.security.auth.module.UnixSystem().getUid() == 0;
        } catch (LinkageError | UnsupportedOperationException notUnix) {
            return false;
        }
    }
}
