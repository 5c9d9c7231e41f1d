package dev.switchboard.template;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * template.yaml, read once, with the views the checks need. A function's properties are seen as SAM
 * deploys them: the Globals' Function section under the function's own, whose maps (Environment
 * variables) add to the Globals' and whose other values replace them.
 */
record SamTemplate(Map<String, Object> root) {

    /** The repository's root, from this module's folder (the tests' working directory). */
    static final Path REPOSITORY = Path.of("..", "..").toAbsolutePath().normalize();
    static final Path FILE = REPOSITORY.resolve("template.yaml");
    static final String FUNCTION = "AWS::Serverless::Function";

    private static SamTemplate loaded;

    static synchronized SamTemplate load() {
        if (loaded == null) {
            try {
                loaded = new SamTemplate(CloudFormationYaml.read(FILE));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return loaded;
    }

    Map<String, Map<String, Object>> resources() {
        return map(root.get("Resources"));
    }

    Map<String, Object> parameters() {
        return map(root.getOrDefault("Parameters", Map.of()));
    }

    Map<String, Object> conditions() {
        return map(root.getOrDefault("Conditions", Map.of()));
    }

    /** Resources of this type, by logical id, with their properties. */
    Map<String, Map<String, Object>> ofType(String type) {
        Map<String, Map<String, Object>> found = new LinkedHashMap<>();
        resources().forEach((id, resource) -> {
            if (type.equals(resource.get("Type"))) {
                found.put(id, map(resource.getOrDefault("Properties", Map.of())));
            }
        });
        return found;
    }

    /** Every function's properties with the Globals applied, by logical id. */
    Map<String, Map<String, Object>> functions() {
        Map<String, Object> globals = map(map(root.getOrDefault("Globals", Map.of())).getOrDefault("Function", Map.of()));
        Map<String, Map<String, Object>> functions = new LinkedHashMap<>();
        ofType(FUNCTION).forEach((id, own) -> functions.put(id, merge(globals, own)));
        return functions;
    }

    private static Map<String, Object> merge(Map<String, Object> globals, Map<String, Object> own) {
        Map<String, Object> merged = new LinkedHashMap<>(globals);
        own.forEach((key, value) -> {
            Object global = merged.get(key);
            boolean bothMaps = global instanceof Map<?, ?> && value instanceof Map<?, ?> && !isFunction(value);
            merged.put(key, bothMaps ? merge(map(global), map(value)) : value);
        });
        return merged;
    }

    private static boolean isFunction(Object value) {
        return value instanceof Map<?, ?> m && m.size() == 1
                && m.keySet().stream().anyMatch(k -> "Ref".equals(k) || String.valueOf(k).startsWith("Fn::"));
    }

    /** Calls {@code visitor} with every map in the tree under {@code node}, depth first. */
    static void everyMap(Object node, Consumer<Map<String, Object>> visitor) {
        if (node instanceof Map<?, ?> m) {
            visitor.accept(map(m));
            m.values().forEach(v -> everyMap(v, visitor));
        } else if (node instanceof List<?> list) {
            list.forEach(v -> everyMap(v, visitor));
        }
    }

    /** The logical id a {@code !Ref} or {@code !GetAtt} names, or null for anything else. */
    static String referencedId(Object value) {
        if (value instanceof Map<?, ?> m && m.size() == 1) {
            if (m.get("Ref") instanceof String id) {
                return id;
            }
            if (m.get("Fn::GetAtt") instanceof List<?> att && !att.isEmpty()) {
                return String.valueOf(att.get(0));
            }
        }
        return null;
    }

    static List<Object> list(Object value) {
        if (value == null) {
            return List.of();
        }
        return value instanceof List<?> l ? List.copyOf(l) : List.of(value);
    }

    /** A list of mappings (an alarm's Metrics, a metric's Dimensions), empty when absent. */
    static <V> List<Map<String, V>> maps(Object value) {
        return list(value).stream().map(SamTemplate::<V>map).toList();
    }

    @SuppressWarnings("unchecked")
    static <V> Map<String, V> map(Object value) {
        return (Map<String, V>) value;
    }

    static final Set<String> PSEUDO_PARAMETERS = Set.of("AWS::AccountId", "AWS::NotificationARNs", "AWS::NoValue",
            "AWS::Partition", "AWS::Region", "AWS::StackId", "AWS::StackName", "AWS::URLSuffix");
}
