package dev.switchboard.template;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each function module is deployed once, from the jar it packages, with a handler that jar holds: the
 * API Gateway (payload 2.0) proxy for functions behind the HTTP API, a Lambda RequestHandler for the
 * scheduled probe.
 */
class TemplateHandlersTest {

    static final String HTTP_HANDLER = "io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventFunction";

    @Test
    void everyFunctionModuleIsDeployedOnceFromItsOwnArtifact() throws IOException {
        Map<String, String> moduleOf = new LinkedHashMap<>();
        SamTemplate.load().functions().forEach((id, p) -> {
            String module = FunctionArtifact.of(String.valueOf(p.get("CodeUri"))).module();
            assertFalse(moduleOf.containsValue(module), "two functions deploy module " + module);
            moduleOf.put(id, module);
        });
        assertEquals(functionModules(), new TreeSet<>(moduleOf.values()), "function modules (functions/pom.xml) vs template");
    }

    @Test
    void everyHandlerIsAClassInTheArtifactItsCodeUriNames() {
        SamTemplate.load().functions().forEach((id, p) -> {
            FunctionArtifact artifact = FunctionArtifact.of(String.valueOf(p.get("CodeUri")));
            if (!artifact.packaged()) {
                // Packaged under another name: the template must follow the build, not point at nothing.
                assertTrue(artifact.builtJars().isEmpty(), id + ": CodeUri " + artifact.codeUri()
                        + " does not exist, but the module built " + artifact.builtJars());
            }
            String handler = String.valueOf(p.get("Handler"));
            String handlerClass = handler.contains("::") ? handler.substring(0, handler.indexOf("::")) : handler;
            assertTrue(artifact.holds(handlerClass), id + ": handler " + handlerClass + " is not in " + artifact.codeUri()
                    + (artifact.packaged() ? "" : " (not packaged: looked in the module's classes and dependencies)"));
            for (String own : artifact.ownClassNames()) {
                assertTrue(artifact.holds(own), id + ": " + artifact.codeUri() + " lacks the module's own class " + own);
            }
        });
    }

    @Test
    void httpFunctionsUseTheApiGatewayProxyAndScheduledOnesARequestHandler() throws ClassNotFoundException {
        for (Map.Entry<String, Map<String, Object>> function : SamTemplate.load().functions().entrySet()) {
            Set<String> eventTypes = new TreeSet<>();
            SamTemplate.<Map<String, Object>>map(function.getValue().getOrDefault("Events", Map.of()))
                    .values().forEach(e -> eventTypes.add(String.valueOf(e.get("Type"))));
            String handler = String.valueOf(function.getValue().get("Handler"));
            if (eventTypes.contains("HttpApi")) {
                assertEquals(Set.of("HttpApi"), eventTypes, function.getKey() + " mixes HTTP and other events");
                assertEquals(HTTP_HANDLER, handler, function.getKey());
            } else {
                assertEquals(Set.of("Schedule"), eventTypes, function.getKey() + " events");
                assertTrue(RequestHandler.class.isAssignableFrom(Class.forName(handler, false, getClass().getClassLoader())),
                        function.getKey() + ": " + handler + " is not a Lambda RequestHandler");
            }
        }
    }

    /** The modules functions/pom.xml lists: each one must be deployed. */
    private static Set<String> functionModules() throws IOException {
        String pom = Files.readString(SamTemplate.REPOSITORY.resolve("functions/pom.xml"));
        Matcher m = Pattern.compile("<module>([^<]+)</module>").matcher(pom);
        Set<String> modules = new TreeSet<>();
        while (m.find()) {
            modules.add(m.group(1).trim());
        }
        assertFalse(modules.isEmpty(), "no modules in functions/pom.xml");
        return modules;
    }
}
