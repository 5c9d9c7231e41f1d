package dev.switchboard.gateway;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * run.sh starts the gateway in the caller's folder, so that the relative paths a caller gives mean what
 * they mean in the caller's shell. Run with stand-ins for Maven and java on PATH that only report.
 */
class RunScriptTest {

    private static final Path SCRIPT = Path.of("run.sh").toAbsolutePath();
    private static final Path ROOT = SCRIPT.getParent().getParent().getParent();

    @TempDir
    Path dir;

    private Path executable(Path bin, String name, String body) throws Exception {
        return Files.writeString(Files.createDirectories(bin).resolve(name), "#!/bin/sh\n" + body,
                StandardCharsets.UTF_8);
    }

    private List<String> runScript(Path cwd, Map<String, String> variables) throws Exception {
        // mvnw prefers a Maven it unpacked itself over the one on PATH; the stand-in must be the one it finds.
        assumeFalse(Files.exists(ROOT.resolve(".mvn/wrapper/dists")), "mvnw would use its own Maven");
        Path bin = dir.resolve("bin");
        executable(bin, "mvn", "case \"$1\" in -v) echo 'Apache Maven 3.9.9';; esac\n");
        executable(bin, "java", "pwd; echo \"$SWITCHBOARD_DATA_DIR\"; echo \"$SWITCHBOARD_CONFIG\"; echo \"$@\"\n");
        for (Path file : List.of(bin.resolve("mvn"), bin.resolve("java"))) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        ProcessBuilder builder = new ProcessBuilder("bash", SCRIPT.toString()).directory(cwd.toFile())
                .redirectErrorStream(true);
        builder.environment().remove("SWITCHBOARD_DATA_DIR");
        builder.environment().put("PATH", bin + ":/usr/bin:/bin");
        builder.environment().putAll(variables);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), output);
        return output.lines().toList();
    }

    @Test
    void theGatewayRunsInTheCallersFolderSoRelativePathsAreTheCallers() throws Exception {
        Path cwd = Files.createDirectory(dir.resolve("work"));

        List<String> java = runScript(cwd, Map.of("SWITCHBOARD_CONFIG", "providers.yml",
                "SWITCHBOARD_DATA_DIR", "my-data"));

        assertEquals(List.of(cwd.toRealPath().toString(), "my-data", "providers.yml",
                "-jar " + ROOT.toRealPath().resolve("infra/local-gateway/target/local-gateway-all.jar")), java);
    }

    @Test
    void withoutSwitchboardDataDirTheDataStaysInTheRepositorysDataFolder() throws Exception {
        List<String> java = runScript(dir, Map.of());

        assertEquals(ROOT.toRealPath().resolve("data").toString(), java.get(1));
    }
}
