package dev.switchboard.template;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
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
    private static final Pattern METRIC_ID = Pattern.compile("\\b[a-z][a-zA-Z0-9_]*\\b");

    private final SamTemplate template = SamTemplate.load();

    @Test
    void switchboardsMetricsAreReadInTheEnvironmentsNamespaceByTheNamesAndDimensionsTheCodeWrites() {
        Map<String, Set<String>> emitted = EmittedMetrics.dimensionSets();
        Set<String> endpoints = new TreeSet<>();
        int read = 0;
        for (Map<String, Object> metric : metrics(Map.of("Fn::Sub", "Switchboard/${Environment}"))) {
            String name = String.valueOf(metric.get("MetricName"));
            Set<String> dimensions = new TreeSet<>();
            for (Map<String, Object> dimension : SamTemplate.<Object>maps(metric.get("Dimensions"))) {
                dimensions.add(String.valueOf(dimension.get("Name")));
                if ("endpoint".equals(dimension.get("Name"))) {
                    endpoints.add(String.valueOf(dimension.get("Value")));
                }
            }
            assertTrue(emitted.getOrDefault(name, Set.of()).contains(String.join(",", dimensions)),
                    name + " by " + dimensions + " is not a metric the code writes: " + emitted);
            read++;
        }
        assertTrue(read > 0, "no alarm reads Switchboard's metrics");
        assertEquals(new TreeSet<>(EmittedMetrics.ENDPOINTS), endpoints,
                "the routed endpoints, by the names the code gives them");
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
                if (math) {
                    Matcher named = METRIC_ID.matcher(String.valueOf(query.get("Expression")));
                    while (named.find()) {
                        assertTrue(ids.contains(named.group()), id + ": " + named.group() + " is not one of its ids");
                    }
                } else {
                    Map<String, Object> stat = SamTemplate.map(query.get("MetricStat"));
                    assertTrue(stat.get("Period") instanceof Integer period && period % 60 == 0, id + " period");
                    assertNotNull(stat.get("Stat"), id + " statistic");
                }
                returned += Boolean.TRUE.equals(query.get("ReturnData")) ? 1 : 0;
            }
            assertEquals(1, returned, id + ": an alarm watches exactly one series");
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
