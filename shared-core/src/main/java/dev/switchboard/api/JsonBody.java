package dev.switchboard.api;

import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Typed, strict reads from a parsed JSON object. Each failure names the field, so a caller learns
 * exactly what to fix; the binder's own messages (which name Java types) never reach them.
 */
public final class JsonBody {

    private final JsonNode object;

    private JsonBody(JsonNode object) {
        this.object = object;
    }

    /**
     * {@code body} as text, refused unless it is UTF-8 (JSON's only encoding between systems): the HTTP layers
     * would otherwise have replaced each malformed byte with U+FFFD, and a body sent in Latin-1 (Windows
     * PowerShell's default) would be routed, billed and cached as a garbled prompt.
     */
    private static String utf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidRequestException(null, "Request body is not UTF-8 text");
        }
    }

    /** Parses {@code body} and requires a JSON object whose keys are all in {@code allowedFields}. */
    public static JsonBody parseObject(JsonMapper mapper, byte[] body, Set<String> allowedFields) {
        if (body == null || body.length == 0 || utf8(body).isBlank()) {
            throw new InvalidRequestException(null, "Request body is required: a JSON object");
        }
        JsonStructure.requireOneValueWithoutDuplicateKeys(body);
        JsonNode node;
        try {
            node = mapper.readValue(body, JsonNode.class);
        } catch (IOException | RuntimeException e) {
            throw new InvalidRequestException(null, "Request body is not valid JSON");
        }
        if (node == null || !node.isObject()) {
            throw new InvalidRequestException(null, "Request body must be a JSON object");
        }
        for (Map.Entry<String, JsonNode> entry : node.entries()) {
            if (!allowedFields.contains(entry.getKey())) {
                throw new InvalidRequestException(entry.getKey(), "Unknown field '" + entry.getKey() + "'");
            }
        }
        return new JsonBody(node);
    }

    /** Whether the body holds {@code field}, JSON null included (a partial change reads null as "clear it"). */
    public boolean has(String field) {
        return object.get(field) != null;
    }

    /** A field's raw value for nested structures, or null when absent or JSON null. */
    public JsonNode optionalNode(String field) {
        JsonNode value = object.get(field);
        return value == null || value.isNull() ? null : value;
    }

    /** A required string with at least one non-blank character. */
    public String requiredText(String field, int maxLength) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            throw new InvalidRequestException(field, "'" + field + "' is required");
        }
        if (!value.isString()) {
            throw new InvalidRequestException(field, "'" + field + "' must be a string");
        }
        String text = withoutNul(field, value.getStringValue());
        if (text.isBlank()) {
            throw new InvalidRequestException(field, "'" + field + "' must not be blank");
        }
        if (text.length() > maxLength) {
            throw new InvalidRequestException(field, "'" + field + "' must be at most " + maxLength + " characters");
        }
        return text;
    }

    /** An optional string; absent or null gives {@code fallback}. */
    public String optionalText(String field, String fallback) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isString()) {
            throw new InvalidRequestException(field, "'" + field + "' must be a string");
        }
        return withoutNul(field, value.getStringValue());
    }

    /** {@code text}, refused when it holds U+0000: PostgreSQL stores no such character, in the ledger or anywhere. */
    private static String withoutNul(String field, String text) {
        if (text.indexOf('\u0000') >= 0) {
            throw new InvalidRequestException(field, "'" + field + "' must not contain the NUL character (U+0000)");
        }
        return text;
    }

    /** An optional whole number in [min, max]; absent or null gives {@code fallback}. */
    public int optionalInt(String field, int fallback, int min, int max) {
        Long value = optionalLong(field, min, max);
        return value == null ? fallback : value.intValue();
    }

    /** An optional boolean; absent or null gives {@code fallback}. Strings such as "true" are refused. */
    public boolean optionalBoolean(String field, boolean fallback) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isBoolean()) {
            throw new InvalidRequestException(field, "'" + field + "' must be true or false");
        }
        return value.getBooleanValue();
    }

    /** An optional number in [min, max]; absent or null gives null. */
    public Double optionalDecimal(String field, double min, double max) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        double number = value.isNumber() ? value.getNumberValue().doubleValue() : Double.NaN;
        if (!(number >= min && number <= max)) {
            throw new InvalidRequestException(field, "'" + field + "' must be a number between " + min + " and " + max);
        }
        return number;
    }

    /** An optional whole number in [min, max]; absent or null gives null. */
    public Long optionalLong(String field, long min, long max) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        String range = "'" + field + "' must be an integer between " + min + " and " + max;
        if (!value.isNumber() || !isIntegral(value.getNumberValue())) {
            throw new InvalidRequestException(field, range);
        }
        BigInteger number = value.getBigIntegerValue();
        if (number.compareTo(BigInteger.valueOf(min)) < 0 || number.compareTo(BigInteger.valueOf(max)) > 0) {
            throw new InvalidRequestException(field, range);
        }
        return number.longValue();
    }

    /** An optional array of non-blank strings, at most {@code maxItems} of at most {@code maxLength} characters. */
    public List<String> optionalTextList(String field, int maxItems, int maxLength) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return List.of();
        }
        String shape = "'" + field + "' must be an array of at most " + maxItems + " non-blank strings of at most "
                + maxLength + " characters";
        if (!value.isArray() || value.size() > maxItems) {
            throw new InvalidRequestException(field, shape);
        }
        List<String> items = new ArrayList<>(value.size());
        for (JsonNode item : value.values()) {
            if (!item.isString() || item.getStringValue().isBlank() || item.getStringValue().length() > maxLength) {
                throw new InvalidRequestException(field, shape);
            }
            items.add(item.getStringValue());
        }
        return List.copyOf(items);
    }

    private static boolean isIntegral(Number number) {
        return number instanceof Integer || number instanceof Long || number instanceof BigInteger
                || number instanceof Short || number instanceof Byte;
    }
}
