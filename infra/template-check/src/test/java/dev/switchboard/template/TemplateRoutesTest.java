package dev.switchboard.template;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The HTTP API routes each request to the function whose controllers serve it: per function, the
 * template's HttpApi events are exactly its module's controller routes, no route is declared twice,
 * and every event is on the template's one API.
 */
class TemplateRoutesTest {

    @Test
    void eachFunctionsEventsAreExactlyItsControllersRoutes() {
        Set<String> all = new TreeSet<>();
        for (Map.Entry<String, Map<String, Object>> function : SamTemplate.load().functions().entrySet()) {
            FunctionArtifact module = FunctionArtifact.of(String.valueOf(function.getValue().get("CodeUri")));
            Set<String> declared = httpRoutes(function.getKey(), function.getValue());
            for (String route : declared) {
                assertTrue(all.add(route), route + " is declared twice");
            }
            assertEquals(ControllerRoutes.of(module), declared,
                    function.getKey() + ": controller routes of " + module.module() + " vs HttpApi events");
        }
        assertFalse(all.isEmpty(), "no HTTP route in the template");
    }

    @Test
    void theDesignsEndpointsAreAllDeployed() {
        Set<String> all = new TreeSet<>();
        SamTemplate.load().functions().forEach((id, p) -> all.addAll(httpRoutes(id, p)));
        // The product's outside edge (DESIGN.md, "The contract users and outside tests rely on").
        Set<String> contract = Set.of("POST /complete", "GET /recommendation", "GET /routing/decision",
                "GET /routing/metrics", "POST /v1/chat/completions", "POST /feedback", "GET /providers", "GET /stats",
                "GET /cache/stats", "GET /quality/stats", "GET /insights", "GET /health", "POST /simulate/failure",
                "POST /keys");
        assertTrue(all.containsAll(contract), "missing: " + contract.stream().filter(r -> !all.contains(r)).toList());
    }

    private static Set<String> httpRoutes(String id, Map<String, Object> function) {
        Set<String> routes = new TreeSet<>();
        Map<String, Map<String, Object>> events = SamTemplate.map(function.getOrDefault("Events", Map.of()));
        events.forEach((name, event) -> {
            if ("HttpApi".equals(event.get("Type"))) {
                Map<String, Object> p = SamTemplate.map(event.get("Properties"));
                assertEquals("Api", SamTemplate.referencedId(p.get("ApiId")), id + "." + name + " is not on the Api");
                routes.add(p.get("Method") + " " + p.get("Path"));
            }
        });
        return routes;
    }
}
