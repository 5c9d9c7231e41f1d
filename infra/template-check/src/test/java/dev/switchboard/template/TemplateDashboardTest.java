package dev.switchboard.template;

import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The dashboard's body is JSON CloudWatch takes, and every graph on it reads a metric that exists: Switchboard's
 * by the names, dimensions and endpoint names the code writes (SEARCH expressions included), Lambda's for the
 * template's functions; its alarm widget shows the template's alarms.
 */
class TemplateDashboardTest {

    /** A ${...} of the body's Fn::Sub, written as "ref:Name" so that the body parses as JSON. */
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([^!}][^}]*)}");
    private static final Pattern SEARCH = Pattern.compile(
            "SEARCH\\('\\{([^,}]+),([^}]+)} MetricName=\"([A-Za-z]+)\"', '([A-Za-z0-9.]+)', (\\d+)\\)");
    private static final Pattern ID = Pattern.compile("\\b[a-z][a-zA-Z0-9_]*\\b");

    private final SamTemplate template = SamTemplate.load();
    private final Map<String, Set<String>> emitted = EmittedMetrics.dimensionSets();

    private JsonNode body() throws IOException {
        Map<String, Object> dashboard = template.resources().get("Dashboard");
        assertEquals("AWS::CloudWatch::Dashboard", dashboard.get("Type"));
        assertNull(dashboard.get("Condition"), "every environment has one");
        Map<String, Object> properties = SamTemplate.map(dashboard.get("Properties"));
        assertEquals(Map.of("Fn::Sub", "switchboard-${Environment}"), properties.get("DashboardName"));
        String text = String.valueOf(SamTemplate.<Object>map(properties.get("DashboardBody")).get("Fn::Sub"));
        return JsonMapper.createDefault().readValue(VARIABLE.matcher(text).replaceAll("ref:$1"), JsonNode.class);
    }

    /** The statistics each metric may be graphed with: counts and dollars add up, states and times do not. */
    private static final Map<String, Set<String>> STATISTICS = Map.ofEntries(
            Map.entry("Requests", Set.of("Sum")), Map.entry("Errors", Set.of("Sum")), Map.entry("Refused", Set.of("Sum")),
            Map.entry("CacheHits", Set.of("Sum")), Map.entry("Fallbacks", Set.of("Sum")), Map.entry("CostUsd", Set.of("Sum")),
            Map.entry("TokensIn", Set.of("Sum")), Map.entry("CachedTokensIn", Set.of("Sum")),
            Map.entry("TokensOut", Set.of("Sum")), Map.entry("CacheWriteTokensIn", Set.of("Sum")),
            Map.entry("LatencyMs", Set.of("p50", "p90", "p99", "Average")),
            Map.entry("CircuitOpen", Set.of("Maximum")), Map.entry("ProbeHealthy", Set.of("Minimum")),
            Map.entry("ProbeLatencyMs", Set.of("Average", "p50", "p99")),
            Map.entry("Duration", Set.of("p99", "p50", "Average", "Maximum")),
            Map.entry("Throttles", Set.of("Sum")));

    @Test
    void everyGraphReadsMetricsTheCodeWritesForBothEndpointsOrThoseOfEveryFunction() throws IOException {
        String namespace = String.valueOf(SamTemplate.<Object>map(TemplateEnvironmentTest.variables(
                template.functions().values().iterator().next()).get("SWITCHBOARD_METRICS_NAMESPACE")).get("Fn::Sub"))
                .replace("${Environment}", "ref:Environment");
        int graphs = 0;
        for (JsonNode widget : body().get("widgets").values()) {
            if (!"metric".equals(widget.get("type").getStringValue())) {
                continue;
            }
            graphs++;
            JsonNode properties = widget.get("properties");
            String title = properties.get("title").getStringValue();
            String widgetStat = properties.get("stat").getStringValue();
            assertEquals("ref:AWS::Region", properties.get("region").getStringValue());
            Set<String> ids = new HashSet<>();
            List<String> expressions = new ArrayList<>();
            Map<String, Set<String>> endpointsBySeries = new HashMap<>();
            Map<String, Set<String>> functionsBySeries = new HashMap<>();
            for (JsonNode metric : properties.get("metrics").values()) {
                assertTrue(metric.isArray(), "a graph's metric is an array, an expression one holding its object: " + metric);
                List<JsonNode> parts = new ArrayList<>();
                metric.values().forEach(parts::add);
                JsonNode options = parts.get(parts.size() - 1).isObject() ? parts.remove(parts.size() - 1) : null;
                if (options != null && options.get("id") != null) {
                    assertTrue(ids.add(options.get("id").getStringValue()), title + ": id twice");
                }
                if (options != null && options.get("expression") != null) {
                    expressions.add(options.get("expression").getStringValue());
                    continue;
                }
                String name = parts.get(1).getStringValue();
                String stat = options != null && options.get("stat") != null ? options.get("stat").getStringValue() : widgetStat;
                assertTrue(STATISTICS.getOrDefault(name, Set.of()).contains(stat), title + ": " + name + " as " + stat);
                Set<String> dimensions = new TreeSet<>();
                for (int i = 2; i + 1 < parts.size(); i += 2) {
                    dimensions.add(parts.get(i).getStringValue());
                }
                String series = name + " " + stat;
                if (parts.get(0).getStringValue().equals(namespace)) {
                    EmittedMetrics.assertWritten(emitted, name, dimensions);
                    String endpoint = endpointOf(parts);
                    endpointsBySeries.computeIfAbsent(series, k -> new TreeSet<>()).add(endpoint);
                    if (options != null && options.get("id") != null) {
                        EmittedMetrics.assertIdNames(options.get("id").getStringValue(), name, endpoint);
                    }
                } else {
                    assertEquals("AWS/Lambda", parts.get(0).getStringValue(), title + ": " + name);
                    assertEquals(Set.of("FunctionName"), dimensions, name);
                    String function = parts.get(3).getStringValue();
                    assertTrue(function.startsWith("ref:"), title + ": a function by its reference, " + function);
                    functionsBySeries.computeIfAbsent(series, k -> new HashSet<>()).add(function.substring("ref:".length()));
                }
            }
            endpointsBySeries.forEach((series, endpoints) ->
                    assertEquals(new TreeSet<>(EmittedMetrics.ENDPOINTS), endpoints, title + ": " + series));
            functionsBySeries.forEach((series, functions) ->
                    assertEquals(template.functions().keySet(), functions, title + ": " + series));
            for (String expression : expressions) {
                Matcher search = SEARCH.matcher(expression);
                if (expression.contains("SEARCH(")) {
                    assertTrue(search.matches(), title + ": a SEARCH of one metric by a dimension set: " + expression);
                    assertEquals(namespace, search.group(1), expression);
                    EmittedMetrics.assertWritten(emitted, search.group(3), new TreeSet<>(List.of(search.group(2).split(","))));
                    assertTrue(STATISTICS.getOrDefault(search.group(3), Set.of()).contains(search.group(4)), expression);
                } else {
                    Matcher named = ID.matcher(expression);
                    while (named.find()) {
                        assertTrue(ids.contains(named.group()), expression + ": " + named.group() + " is no id of its graph");
                    }
                }
            }
        }
        assertTrue(graphs >= 8, "the graphs: " + graphs);
    }

    /** The value of the endpoint dimension of a graph's metric (namespace, name, then name and value pairs). */
    private static String endpointOf(List<JsonNode> parts) {
        for (int i = 2; i + 1 < parts.size(); i += 2) {
            if (parts.get(i).getStringValue().equals("endpoint")) {
                return parts.get(i + 1).getStringValue();
            }
        }
        return null;
    }

    @Test
    void theAlarmWidgetShowsTheAlarmsEveryEnvironmentHas() throws IOException {
        Set<String> shown = new HashSet<>();
        for (JsonNode widget : body().get("widgets").values()) {
            if ("alarm".equals(widget.get("type").getStringValue())) {
                widget.get("properties").get("alarms").values().forEach(arn -> shown.add(arn.getStringValue()));
            }
        }
        Set<String> unconditional = new HashSet<>();
        template.ofType("AWS::CloudWatch::Alarm").forEach((id, alarm) -> {
            if (template.resources().get(id).get("Condition") == null) {
                unconditional.add("ref:" + id + ".Arn");
            }
        });
        assertEquals(unconditional, shown, "a conditional alarm cannot be named: it may not exist");
    }

    @Test
    void theWidgetsFitTheGridWithoutOverlapping() throws IOException {
        List<int[]> placed = new ArrayList<>();
        for (JsonNode widget : body().get("widgets").values()) {
            int x = widget.get("x").getIntValue();
            int y = widget.get("y").getIntValue();
            int w = widget.get("width").getIntValue();
            int h = widget.get("height").getIntValue();
            assertTrue(x >= 0 && w >= 1 && x + w <= 24 && y >= 0 && h >= 1, "off the 24-column grid: " + widget);
            for (int[] other : placed) {
                boolean apart = x + w <= other[0] || other[0] + other[2] <= x || y + h <= other[1] || other[1] + other[3] <= y;
                assertTrue(apart, "overlaps another widget: " + widget);
            }
            placed.add(new int[]{x, y, w, h});
        }
    }
}
