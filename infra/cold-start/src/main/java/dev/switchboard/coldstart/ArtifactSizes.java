package dev.switchboard.coldstart;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** The size of every function's Lambda jar under {@code functions/<name>/target}. */
final class ArtifactSizes {

    private ArtifactSizes() {
    }

    static List<String> describe(Path repositoryRoot) {
        Path functions = repositoryRoot.resolve("functions");
        if (!Files.isDirectory(functions)) {
            return List.of("(no functions/ under " + repositoryRoot + ")");
        }
        try (Stream<Path> modules = Files.list(functions)) {
            return modules.map(m -> m.resolve("target"))
                    .filter(Files::isDirectory)
                    .flatMap(ArtifactSizes::lambdaJars)
                    .sorted()
                    .map(ArtifactSizes::line)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Stream<Path> lambdaJars(Path target) {
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(f -> f.getFileName().toString().endsWith("-lambda.jar")).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String line(Path jar) {
        try {
            long bytes = Files.size(jar);
            return String.format(Locale.ROOT, "%-48s %,12d bytes  %6.2f MB  %6.2f MiB", jar.getFileName(), bytes,
                    bytes / 1e6, bytes / (1024.0 * 1024.0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
