package dev.switchboard.example;

import com.openai.core.JsonValue;
import java.util.Map;

/**
 * The part of Switchboard's {@code "switchboard"} object (seed 001's fields, beside OpenAI's) that the
 * example prints. The SDK keeps fields it does not know as raw JSON values; absent ones read as "-".
 */
record SwitchboardFields(String provider, String strategyUsed, String cost, String cacheHit, String requestId) {

    static SwitchboardFields of(JsonValue switchboard) {
        if (switchboard == null) {
            throw new IllegalStateException("the answer has no \"switchboard\" object: is this a Switchboard gateway?");
        }
        Map<?, ?> fields = switchboard.convert(Map.class);
        Object metadata = fields.get("routing_metadata");
        Object requestId = metadata instanceof Map<?, ?> m ? m.get("request_id") : null;
        return new SwitchboardFields(text(fields.get("provider")), text(fields.get("strategy_used")),
                text(fields.get("cost")), text(fields.get("cache_hit")), text(requestId));
    }

    private static String text(Object value) {
        return value == null ? "-" : value.toString();
    }
}
