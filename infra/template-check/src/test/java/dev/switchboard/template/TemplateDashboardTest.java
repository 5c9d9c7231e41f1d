package dev.switchboard.template;

import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
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
    private static final String NAMESPACE = "Switchboard/ref:Environment";
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

    @Test
    void everyGraphReadsAMetricTheCodeWritesOrOneOfTheFunctionsOwn() throws IOException {
        Set<String> endpoints = new TreeSet<>();
        Set<String> functions = new HashSet<>();
        int graphs = 0;
        for (JsonNode widget : body().get("widgets").values()) {
            if (!"metric".equals(widget.get("type").getStringValue())) {
                continue;
            }
            graphs++;
            JsonNode properties = widget.get("properties");
            assertEquals("ref:AWS::Region", properties.get("region").getStringValue());
            Set<String> ids = new HashSet<>();
            List<String> expressions = new ArrayList<>();
            for (JsonNode metric : properties.get("metrics").values()) {
                assertTrue(metric.isArray(), "a graph's metric is an array, an expression one holding its object: " + metric);
                List<JsonNode> parts = new ArrayList<>();
                metric.values().forEach(parts::add);
                JsonNode options = parts.get(parts.size() - 1).isObject() ? parts.remove(parts.size() - 1) : null;
                if (options != null && options.get("id") != null) {
                    ids.add(options.get("id").getStringValue());
                }
                if (options != null && options.get("expression") != null) {
                    expressions.add(options.get("expression").getStringValue());
                    continue;
                }
                String namespace = parts.get(0).getStringValue();
                String name = parts.get(1).getStringValue();
                Set<String> dimensions = new TreeSet<>();
                for (int i = 2; i + 1 < parts.size(); i += 2) {
                    String dimension = parts.get(i).getStringValue();
                    String value = parts.get(i + 1).getStringValue();
                    dimensions.add(dimension);
                    if (dimension.equals("endpoint")) {
                        endpoints.add(value);
                    }
                    if (dimension.equals("FunctionName")) {
                        functions.add(value.substring("ref:".length()));
                    }
                }
                if (namespace.equals(NAMESPACE)) {
                    EmittedMetrics.assertWritten(emitted, name, dimensions);
                    if (options != null && options.get("id") != null) {
                        EmittedMetrics.assertIdNames(options.get("id").getStringValue(), name, endpointOf(parts));
                    }
                } else {
                    assertEquals("AWS/Lambda", namespace, name);
                    assertEquals(Set.of("FunctionName"), dimensions, name);
                }
            }
            for (String expression : expressions) {
                Matcher search = SEARCH.matcher(expression);
                if (search.matches()) {
                    assertEquals(NAMESPACE, search.group(1), expression);
                    EmittedMetrics.assertWritten(emitted, search.group(3), new TreeSet<>(List.of(search.group(2).split(","))));
                } else {
                    Matcher named = ID.matcher(expression);
                    while (named.find()) {
                        assertTrue(ids.contains(named.group()), expression + ": " + named.group() + " is no id of its graph");
                    }
                }
            }
        }
        assertTrue(graphs >= 8, "the graphs: " + graphs);
        assertEquals(new TreeSet<>(EmittedMetrics.ENDPOINTS), endpoints);
        assertEquals(template.functions().keySet(), functions, "every function's own metrics are on it");
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
