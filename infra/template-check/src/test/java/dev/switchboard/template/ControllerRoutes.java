package dev.switchboard.template;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Head;
import io.micronaut.http.annotation.Options;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The routes a function module's controllers serve, read by reflection from its compiled classes
 * (Micronaut's route annotations are kept at run time): "METHOD /path" for each annotated method.
 */
final class ControllerRoutes {

    /** Each route annotation with its URI; Micronaut lets either uri or value carry it. */
    private static final Map<Class<? extends Annotation>, Function<Annotation, String[]>> ROUTES = Map.of(
            Get.class, a -> new String[]{((Get) a).uri(), ((Get) a).value()},
            Post.class, a -> new String[]{((Post) a).uri(), ((Post) a).value()},
            Put.class, a -> new String[]{((Put) a).uri(), ((Put) a).value()},
            Delete.class, a -> new String[]{((Delete) a).uri(), ((Delete) a).value()},
            Patch.class, a -> new String[]{((Patch) a).uri(), ((Patch) a).value()},
            Head.class, a -> new String[]{((Head) a).uri(), ((Head) a).value()},
            Options.class, a -> new String[]{((Options) a).uri(), ((Options) a).value()});

    private ControllerRoutes() {
    }

    static Set<String> of(FunctionArtifact module) {
        Set<String> routes = new TreeSet<>();
        for (String name : module.ownClassNames()) {
            Class<?> type = load(name);
            Controller controller = type.getAnnotation(Controller.class);
            if (controller == null) {
                continue;
            }
            String base = controller.value();
            for (Method method : type.getDeclaredMethods()) {
                ROUTES.forEach((annotation, uris) -> {
                    Annotation route = method.getAnnotation(annotation);
                    if (route != null) {
                        routes.add(annotation.getSimpleName().toUpperCase(java.util.Locale.ROOT) + " "
                                + join(base, chosen(uris.apply(route))));
                    }
                });
            }
        }
        return routes;
    }

    private static String chosen(String[] uriThenValue) {
        return "/".equals(uriThenValue[0]) ? uriThenValue[1] : uriThenValue[0];
    }

    /** The path in API Gateway's words: Micronaut's {+name} (the rest of the path, slashes included) is {name+}. */
    private static String join(String base, String path) {
        String joined = ("/" + base + "/" + path).replaceAll("/+", "/").replaceAll("\\{\\+(\\w+)}", "{$1+}");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, ControllerRoutes.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("compiled class " + name + " is not on the test classpath", e);
        }
    }
}
