package dev.switchboard.observability;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One CloudWatch Embedded Metric Format document: the {@code _aws} metadata (timestamp, namespace,
 * dimension sets, metric names and units) and, at the top level, each dimension's and metric's value
 * plus any extra properties. A dimension set is kept only when all its dimensions have a value, so
 * that every set refers to keys present in the document. Written by hand into one string.
 */
public final class EmfDocument {

    /** CloudWatch units used here. */
    public enum Unit {
        Count, Milliseconds, None
    }

    private record Metric(String name, Unit unit, double value) {
    }

    private final String namespace;
    private final long timestampMillis;
    private final Map<String, String> dimensions = new LinkedHashMap<>();
    private final List<String[]> dimensionSets = new ArrayList<>(3);
    private final List<Metric> metrics = new ArrayList<>(8);
    private final Map<String, String> properties = new LinkedHashMap<>();

    public EmfDocument(MetricsNamespace namespace, long timestampMillis) {
        this.namespace = namespace.value();
        this.timestampMillis = timestampMillis;
    }

    /** A dimension's value; null values are left out (and so is any set that names them). */
    public EmfDocument dimension(String name, String value) {
        if (value != null && !value.isBlank()) {
            dimensions.put(name, value);
        }
        return this;
    }

    /** A set of dimensions the metrics are aggregated by. */
    public EmfDocument dimensionSet(String... names) {
        dimensionSets.add(names.clone());
        return this;
    }

    public EmfDocument metric(String name, Unit unit, double value) {
        metrics.add(new Metric(Objects.requireNonNull(name, "name"), unit, value));
        return this;
    }

    /** A value that is searchable in the logs but is no dimension (no metric is aggregated by it). */
    public EmfDocument property(String name, String value) {
        if (value != null) {
            properties.put(name, value);
        }
        return this;
    }

    /** The document as one line of JSON, without a newline. */
    public String toJson() {
        StringBuilder out = new StringBuilder(160 + 48 * metrics.size());
        out.append("{\"_aws\":{\"Timestamp\":").append(timestampMillis)
                .append(",\"CloudWatchMetrics\":[{\"Namespace\":");
        JsonChars.string(out, namespace).append(",\"Dimensions\":[");
        boolean firstSet = true;
        for (String[] set : dimensionSets) {
            if (!allPresent(set)) {
                continue;
            }
            out.append(firstSet ? "[" : ",[");
            firstSet = false;
            for (int i = 0; i < set.length; i++) {
                JsonChars.string(i == 0 ? out : out.append(','), set[i]);
            }
            out.append(']');
        }
        out.append("],\"Metrics\":[");
        for (int i = 0; i < metrics.size(); i++) {
            Metric metric = metrics.get(i);
            out.append(i == 0 ? "{\"Name\":" : ",{\"Name\":");
            JsonChars.string(out, metric.name()).append(",\"Unit\":\"").append(metric.unit().name()).append("\"}");
        }
        out.append("]}]}");
        dimensions.forEach((name, value) -> JsonChars.string(JsonChars.key(out.append(','), name), value));
        properties.forEach((name, value) -> JsonChars.string(JsonChars.key(out.append(','), name), value));
        for (Metric metric : metrics) {
            JsonChars.number(JsonChars.key(out.append(','), metric.name()), metric.value());
        }
        return out.append('}').toString();
    }

    private boolean allPresent(String[] set) {
        for (String name : set) {
            if (!dimensions.containsKey(name)) {
                return false;
            }
        }
        return true;
    }
}
