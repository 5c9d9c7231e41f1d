package dev.switchboard.template;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

/**
 * What a function's CodeUri points at: the Lambda jar its module packages. The template is the one
 * place that names the jar; this class only splits the path into the module's folder and the file.
 *
 * <p>Why it can fall back: the reactor packages every function module before this one, so in
 * {@code ./mvnw verify} (and any build that reaches {@code package}) the jar exists and is opened. A
 * build that stops at {@code test} packages nothing; then a class is looked for in the module's
 * compiled classes and, for library classes such as Micronaut's handler, on this module's test
 * classpath, which holds each function module's runtime dependencies.
 */
record FunctionArtifact(String codeUri, Path moduleDir, Path jar) {

    static FunctionArtifact of(String codeUri) {
        int target = codeUri.indexOf("/target/");
        if (!codeUri.startsWith("functions/") || target < 0 || !codeUri.endsWith(".jar")) {
            throw new IllegalArgumentException("CodeUri " + codeUri + " is not a jar under functions/<module>/target/");
        }
        return new FunctionArtifact(codeUri, SamTemplate.REPOSITORY.resolve(codeUri.substring(0, target)),
                SamTemplate.REPOSITORY.resolve(codeUri));
    }

    String module() {
        return moduleDir.getFileName().toString();
    }

    Path classes() {
        return moduleDir.resolve("target/classes");
    }

    boolean packaged() {
        return Files.isRegularFile(jar);
    }

    /** Jars the module's build left in target/ (to name them when the CodeUri's is not among them). */
    List<String> builtJars() {
        Path target = moduleDir.resolve("target");
        if (!Files.isDirectory(target)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(target)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the artifact holds this class: in the jar when packaged, else as described above. */
    boolean holds(String className) {
        String entry = className.replace('.', '/') + ".class";
        if (packaged()) {
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                return zip.getEntry(entry) != null;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return Files.isRegularFile(classes().resolve(entry))
                || (!className.startsWith("dev.switchboard.") && getClass().getClassLoader().getResource(entry) != null);
    }

    /** The fully qualified names of the classes the module compiled (its own code, not its dependencies). */
    List<String> ownClassNames() {
        Path classes = classes();
        if (!Files.isDirectory(classes)) {
            throw new IllegalStateException("module " + module() + " is not compiled: no " + classes);
        }
        try (Stream<Path> files = Files.walk(classes)) {
            return files.filter(p -> p.toString().endsWith(".class"))
                    .map(p -> classes.relativize(p).toString())
                    .map(n -> n.substring(0, n.length() - ".class".length()).replace('/', '.').replace('\\', '.'))
                    .filter(n -> !n.contains("$"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
