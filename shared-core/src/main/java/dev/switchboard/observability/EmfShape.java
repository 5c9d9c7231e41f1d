package dev.switchboard.observability;

import java.util.List;

/**
 * A kind of EMF document whose metadata never changes (namespace, dimension sets, metric names and
 * units): that part is written once, and each document only adds its timestamp and values. For the
 * per-request document, where {@link EmfDocument}'s general building would cost more than needed.
 */
final class EmfShape {

    private final String[] dimensions;
    private final String[] properties;
    private final String[] metrics;
    /** Everything of {@code _aws} after the timestamp, closing brace included. */
    private final String directive;

    /**
     * @param sets       the dimension sets; every name in them must be one of {@code dimensions}
     * @param dimensions the dimensions every document of this shape has a value for, in order
     * @param properties names of further values that are no dimension
     * @param metrics    the metrics, in the order their values come
     */
    EmfShape(MetricsNamespace namespace, List<String[]> sets, String[] dimensions, String[] properties,
             String[] metrics, EmfDocument.Unit[] units) {
        if (metrics.length != units.length) {
            throw new IllegalArgumentException("one unit per metric");
        }
        for (String[] set : sets) {
            for (String name : set) {
                if (!List.of(dimensions).contains(name)) {
                    throw new IllegalArgumentException("dimension set names " + name + ", which has no value");
                }
            }
        }
        this.dimensions = dimensions.clone();
        this.properties = properties.clone();
        this.metrics = metrics.clone();
        EmfDocument metadata = new EmfDocument(namespace, 0);
        for (String dimension : dimensions) {
            metadata.dimension(dimension, "x");
        }
        sets.forEach(metadata::dimensionSet);
        for (int i = 0; i < metrics.length; i++) {
            metadata.metric(metrics[i], units[i], 0);
        }
        String whole = metadata.toJson();
        String start = "{\"_aws\":{\"Timestamp\":0";
        this.directive = whole.substring(start.length(), whole.indexOf("]}]}") + "]}]}".length());
    }

    /** One document: values in the order of the shape's dimensions, properties and metrics. */
    String write(long timestampMillis, String[] dimensionValues, String[] propertyValues, double[] metricValues) {
        StringBuilder out = new StringBuilder(directive.length() + 256);
        out.append("{\"_aws\":{\"Timestamp\":").append(timestampMillis).append(directive);
        for (int i = 0; i < dimensions.length; i++) {
            JsonChars.string(JsonChars.key(out.append(','), dimensions[i]), dimensionValues[i]);
        }
        for (int i = 0; i < properties.length; i++) {
            if (propertyValues[i] != null) {
                JsonChars.string(JsonChars.key(out.append(','), properties[i]), propertyValues[i]);
            }
        }
        for (int i = 0; i < metrics.length; i++) {
            JsonChars.number(JsonChars.key(out.append(','), metrics[i]), metricValues[i]);
        }
        return out.append('}').toString();
    }
}
