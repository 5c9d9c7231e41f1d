package dev.switchboard.api;

import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.util.HashSet;
import java.util.Set;

/** Turns a POST /complete body into a {@link CompleteRequest}, or a 400 that names the field. */
@Singleton
public final class CompleteRequestParser {

    /** Far above any prompt we route, low enough that one request cannot exhaust a Lambda's memory. */
    public static final int MAX_PROMPT_CHARS = 400_000;

    private static final Set<String> FIELDS = fields();

    private final JsonMapper mapper;

    public CompleteRequestParser(JsonMapper mapper) {
        this.mapper = mapper;
    }

    public CompleteRequest parse(byte[] body) {
        JsonBody json = JsonBody.parseObject(mapper, body, FIELDS);
        return new CompleteRequest(
                json.requiredText("prompt", MAX_PROMPT_CHARS),
                json.optionalInt("max_tokens", CompleteRequest.DEFAULT_MAX_TOKENS,
                        CompleteRequest.MIN_MAX_TOKENS, CompleteRequest.MAX_MAX_TOKENS),
                json.optionalBoolean("auto_route", false),
                json.optionalText("tokenizer_id", null),
                RoutingPreferencesParser.fromBody(json));
    }

    private static Set<String> fields() {
        Set<String> fields = new HashSet<>(Set.of("prompt", "max_tokens", "auto_route", "tokenizer_id"));
        fields.addAll(RoutingPreferencesParser.FIELDS);
        return Set.copyOf(fields);
    }
}
