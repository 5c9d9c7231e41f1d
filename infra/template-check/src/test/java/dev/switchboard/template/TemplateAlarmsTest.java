package dev.switchboard.template;

import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The alarms watch metrics that exist: Switchboard's own in the namespace the functions write to, with the
 * metric names, dimensions and endpoint names the code emits; Lambda's for every function. Each one's
 * metric math is whole (every id it names is defined, one result), and each notifies the alarms' topic.
 */
class TemplateAlarmsTest {

    private static final String ALARM = "AWS::CloudWatch::Alarm";
    /** An id metric math takes: a lower-case letter first. Upper-case words are its functions (IF, FILL). */
    private static final Pattern ID = Pattern.compile("[a-z][a-zA-Z0-9_]*");
    private static final Pattern METRIC_ID = Pattern.compile("\\b[a-z][a-zA-Z0-9_]*\\b");

    private final SamTemplate template = SamTemplate.load();
    private final Map<String, Set<String>> emitted = EmittedMetrics.dimensionSets();

    @Test
    void switchboardsMetricsAreSummedInTheFunctionsNamespaceByTheNamesDimensionsAndEndpointsTheirIdsSay() {
        Object namespace = TemplateEnvironmentTest.variables(template.functions().values().iterator().next())
                .get("SWITCHBOARD_METRICS_NAMESPACE");
        int read = 0;
        for (Map.Entry<String, Map<String, Object>> alarm : template.ofType(ALARM).entrySet()) {
            Map<String, Set<String>> endpointsByMetric = new HashMap<>();
            for (Map<String, Object> query : SamTemplate.<Object>maps(alarm.getValue().get("Metrics"))) {
                if (query.get("MetricStat") == null) {
                    continue;
                }
                Map<String, Object> stat = SamTemplate.map(query.get("MetricStat"));
                Map<String, Object> metric = SamTemplate.map(stat.get("Metric"));
                if (metric.get("Namespace") instanceof String aws && aws.startsWith("AWS/")) {
                    continue;
                }
                String where = alarm.getKey() + "." + query.get("Id");
                assertEquals(namespace, metric.get("Namespace"), where + ": the namespace the functions write to");
                assertEquals("Sum", stat.get("Stat"), where + ": counts and dollars add up");
                String name = String.valueOf(metric.get("MetricName"));
                Set<String> dimensions = new TreeSet<>();
                String endpoint = null;
                for (Map<String, Object> dimension : SamTemplate.<Object>maps(metric.get("Dimensions"))) {
                    dimensions.add(String.valueOf(dimension.get("Name")));
                    if ("endpoint".equals(dimension.get("Name"))) {
                        endpoint = String.valueOf(dimension.get("Value"));
                    }
                }
                EmittedMetrics.assertWritten(emitted, name, dimensions);
                EmittedMetrics.assertIdNames(String.valueOf(query.get("Id")), name, endpoint);
                endpointsByMetric.computeIfAbsent(name, k -> new TreeSet<>()).add(endpoint);
                read++;
            }
            endpointsByMetric.forEach((name, endpoints) -> assertEquals(new TreeSet<>(EmittedMetrics.ENDPOINTS),
                    endpoints, alarm.getKey() + ": " + name + " of every routed endpoint"));
        }
        assertTrue(read > 0, "no alarm reads Switchboard's metrics");
    }

    @Test
    void theErrorRateIsTheErrorsOverTheRequestsNotRefusedOnceThereAreTwenty() {
        Map<String, Object> expressions = new HashMap<>();
        for (Map<String, Object> query : SamTemplate.<Object>maps(
                template.ofType(ALARM).get("RoutedErrorRateAlarm").get("Metrics"))) {
            if (query.containsKey("Expression")) {
                expressions.put(String.valueOf(query.get("Id")), query.get("Expression"));
            }
        }
        assertEquals(Map.of(
                "pct", "IF(reqs >= 20, 100 * errs / reqs, 0)",
                "errs", "FILL(errcomplete, 0) + FILL(errchat, 0)",
                "reqs", "FILL(reqcomplete, 0) + FILL(reqchat, 0) - FILL(refcomplete, 0) - FILL(refchat, 0)"), expressions);
    }

    @Test
    void eachAlarmComparesWithItsParameterOrWithOne() {
        Map<String, List<Object>> expected = Map.of(
                "RoutedErrorRateAlarm", List.of("GreaterThanThreshold", Map.of("Ref", "AlarmErrorRatePercent")),
                "HourlyCostAlarm", List.of("GreaterThanThreshold", Map.of("Ref", "AlarmHourlyCostUsd")),
                "FunctionErrorsAlarm", List.of("GreaterThanOrEqualToThreshold", 1),
                "FunctionThrottlesAlarm", List.of("GreaterThanOrEqualToThreshold", 1));
        assertEquals(expected.keySet(), template.ofType(ALARM).keySet());
        expected.forEach((id, comparison) -> {
            Map<String, Object> alarm = template.ofType(ALARM).get(id);
            assertEquals(comparison, List.of(alarm.get("ComparisonOperator"), alarm.get("Threshold")), id);
        });
    }

    @Test
    void lambdasErrorsAndThrottlesAreWatchedForEveryFunction() {
        for (String metricName : new String[]{"Errors", "Throttles"}) {
            Set<String> watched = new HashSet<>();
            for (Map<String, Object> metric : metrics("AWS/Lambda")) {
                if (metricName.equals(metric.get("MetricName"))) {
                    Map<String, Object> dimension = SamTemplate.<Object>maps(metric.get("Dimensions")).get(0);
                    assertEquals("FunctionName", dimension.get("Name"));
                    watched.add(SamTemplate.referencedId(dimension.get("Value")));
                }
            }
            assertEquals(template.functions().keySet(), watched, metricName);
        }
    }

    @Test
    void eachAlarmsMetricMathNamesOnlyItsOwnIdsAndReturnsOneSeries() {
        template.ofType(ALARM).forEach((id, alarm) -> {
            List<Map<String, Object>> queries = SamTemplate.maps(alarm.get("Metrics"));
            Set<String> ids = new HashSet<>();
            queries.forEach(q -> assertTrue(ids.add(String.valueOf(q.get("Id"))), id + ": id " + q.get("Id") + " twice"));
            long returned = 0;
            for (Map<String, Object> query : queries) {
                boolean math = query.containsKey("Expression");
                assertTrue(math != query.containsKey("MetricStat"), id + "." + query.get("Id") + ": an expression or a metric");
                assertTrue(ID.matcher(String.valueOf(query.get("Id"))).matches(), id + ": id " + query.get("Id"));
                if (math) {
                    for (String named : named(query)) {
                        assertTrue(ids.contains(named), id + ": " + named + " is not one of its ids");
                    }
                } else {
                    Map<String, Object> stat = SamTemplate.map(query.get("MetricStat"));
                    assertTrue(stat.get("Period") instanceof Integer period && period % 60 == 0, id + " period");
                    assertNotNull(stat.get("Stat"), id + " statistic");
                }
                returned += Boolean.TRUE.equals(query.get("ReturnData")) ? 1 : 0;
            }
            assertEquals(1, returned, id + ": an alarm watches exactly one series");
            assertEquals(ids, readBy(queries), id + ": every query counts in the series it watches");
            assertNotNull(alarm.get("Threshold"), id);
            assertNotNull(alarm.get("ComparisonOperator"), id);
        });
    }

    @Test
    void everyAlarmAndItsReturnToOkGoesToTheAlarmTopic() {
        assertTrue(template.ofType(ALARM).size() >= 3, "the alarms");
        template.ofType(ALARM).forEach((id, alarm) -> {
            assertEquals(List.of(Map.of("Ref", "AlarmTopic")), alarm.get("AlarmActions"), id);
            assertEquals(List.of(Map.of("Ref", "AlarmTopic")), alarm.get("OKActions"), id);
            assertEquals("notBreaching", alarm.get("TreatMissingData"), id + ": no traffic is no alarm");
        });
        assertEquals("AWS::SNS::Topic", template.resources().get("AlarmTopic").get("Type"));
        Map<String, Object> email = template.resources().get("AlarmEmailSubscription");
        assertEquals("HasAlarmEmail", email.get("Condition"), "an e-mail subscription only when an address is given");
        assertEquals("HasCostAlarm", template.resources().get("HourlyCostAlarm").get("Condition"),
                "no cost alarm unless a threshold is set");
    }

    @Test
    void theCostThresholdTakesZeroForNoAlarmAndRefusesOtherSpellingsOfZero() {
        Pattern threshold = Pattern.compile(String.valueOf(
                SamTemplate.<Object>map(template.parameters().get("AlarmHourlyCostUsd")).get("AllowedPattern")));
        for (String taken : new String[]{"0", "25", "2.5", "0.5", "0.05"}) {
            assertTrue(threshold.matcher(taken).matches(), taken);
        }
        for (String refused : new String[]{"0.0", "00", "01", "-1", "1e3", ""}) {
            assertFalse(threshold.matcher(refused).matches(), refused + " would pass the condition as a threshold");
        }
        Pattern email = Pattern.compile(String.valueOf(
                SamTemplate.<Object>map(template.parameters().get("AlarmEmail")).get("AllowedPattern")));
        assertTrue(email.matcher("").matches());
        assertTrue(email.matcher("ops@example.com").matches());
        assertFalse(email.matcher("ops example.com").matches());
    }

    /** The ids an expression names. */
    private static Set<String> named(Map<String, Object> query) {
        Set<String> names = new HashSet<>();
        Matcher named = METRIC_ID.matcher(String.valueOf(query.get("Expression")));
        while (named.find()) {
            names.add(named.group());
        }
        return names;
    }

    /** The ids the returned series is made of: itself and, through its expressions, every id they name. */
    private static Set<String> readBy(List<Map<String, Object>> queries) {
        Map<String, Map<String, Object>> byId = new HashMap<>();
        queries.forEach(q -> byId.put(String.valueOf(q.get("Id")), q));
        Deque<String> next = new ArrayDeque<>();
        queries.stream().filter(q -> Boolean.TRUE.equals(q.get("ReturnData")))
                .forEach(q -> next.add(String.valueOf(q.get("Id"))));
        Set<String> read = new HashSet<>();
        while (!next.isEmpty()) {
            String id = next.pop();
            if (read.add(id) && byId.get(id) != null && byId.get(id).containsKey("Expression")) {
                next.addAll(named(byId.get(id)));
            }
        }
        return read;
    }

    /** Every metric (MetricStat.Metric) the alarms read in {@code namespace}. */
    private List<Map<String, Object>> metrics(Object namespace) {
        List<Map<String, Object>> found = new ArrayList<>();
        template.ofType(ALARM).values().forEach(alarm -> {
            for (Map<String, Object> query : SamTemplate.<Object>maps(alarm.get("Metrics"))) {
                if (query.get("MetricStat") != null) {
                    Map<String, Object> metric = SamTemplate.map(SamTemplate.<Object>map(query.get("MetricStat")).get("Metric"));
                    if (namespace.equals(metric.get("Namespace"))) {
                        found.add(metric);
                    }
                }
            }
        });
        return found;
    }
}
