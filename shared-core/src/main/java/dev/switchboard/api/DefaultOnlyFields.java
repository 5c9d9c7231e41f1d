package dev.switchboard.api;

import io.micronaut.json.tree.JsonNode;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * OpenAI request fields the gateway does not act on, taken when they hold OpenAI's own default (or null),
 * as clients and frameworks often send them spelt out: {@code "top_logprobs": 0},
 * {@code "logprobs": false}, {@code "logit_bias": {}}... Any other value
 * would change the answer in a way not every protocol can, so it is refused naming the field, never
 * silently dropped.
 */
final class DefaultOnlyFields {

    private record Default(String spelt, Predicate<JsonNode> is) {
    }

    /** Sorted, so that of several fields the same one is always named. */
    static final Map<String, Default> FIELDS = new TreeMap<>(Map.of(
            "logprobs", new Default("false", n -> n.isBoolean() && !n.getBooleanValue()),
            "top_logprobs", new Default("0", DefaultOnlyFields::zero),
            "store", new Default("false", n -> n.isBoolean() && !n.getBooleanValue()),
            "logit_bias", new Default("{}", n -> n.isObject() && n.size() == 0),
            "service_tier", new Default("\"auto\" or \"default\"", n -> n.isString()
                    && (n.getStringValue().equals("auto") || n.getStringValue().equals("default"))),
            // Text out, OpenAI's default; audio out is not offered.
            "modalities", new Default("[\"text\"]", n -> n.isArray() && n.size() == 1 && n.get(0).isString()
                    && n.get(0).getStringValue().equals("text")),
            // GPT-5's answer-length hint at its default.
            "verbosity", new Default("\"medium\"", n -> n.isString() && n.getStringValue().equals("medium"))));

    private DefaultOnlyFields() {
    }

    /** Refuses, naming the field, the first of these fields {@code json} gives a value other than the default. */
    static void check(JsonBody json) {
        FIELDS.forEach((field, fallback) -> {
            JsonNode value = json.optionalNode(field);
            if (value != null && !fallback.is().test(value)) {
                throw new InvalidRequestException(field, "'" + field + "' is not supported yet: only its default ("
                        + fallback.spelt() + ") or null is accepted");
            }
        });
    }

    private static boolean zero(JsonNode n) {
        return n.isNumber() && n.getNumberValue().doubleValue() == 0;
    }
}
