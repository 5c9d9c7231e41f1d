package dev.switchboard.api;

import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.util.Set;
import java.util.function.Function;

/**
 * Turns a PATCH /keys/{id} body into an {@link UpdateKeyRequest}, or a 400 that names the field: the fields of POST
 * /keys but {@code user}, each read as POST /keys reads it, at least one of them.
 */
@Singleton
public final class UpdateKeyRequestParser {

    private static final Set<String> FIELDS = Set.of("user", "name", "budget", "limits", "expires_at", "models");

    private final JsonMapper mapper;

    public UpdateKeyRequestParser(JsonMapper mapper) {
        this.mapper = mapper;
    }

    public UpdateKeyRequest parse(byte[] body) {
        JsonBody json = JsonBody.parseObject(mapper, body, FIELDS);
        if (json.has("user")) {
            // The user's budget and ledger rows are the key's history; another user gets a key of their own.
            throw new InvalidRequestException("user", "A key's 'user' cannot be changed: create a key for the other "
                    + "user and revoke this one");
        }
        UpdateKeyRequest request = new UpdateKeyRequest(given(json, "name", KeyFields::name),
                given(json, "budget", j -> KeyFields.budget(j.optionalNode("budget"))),
                given(json, "limits", j -> KeyFields.limits(j.optionalNode("limits"))),
                given(json, "expires_at", j -> KeyFields.expiresAt(j.optionalNode("expires_at"))),
                given(json, "models", KeyFields::models));
        if (request.given().isEmpty()) {
            throw new InvalidRequestException(null, "Nothing to change: give at least one of name, budget, limits, "
                    + "expires_at and models");
        }
        return request;
    }

    private static <T> FieldChange<T> given(JsonBody json, String field, Function<JsonBody, T> read) {
        return json.has(field) ? FieldChange.to(read.apply(json)) : FieldChange.keep();
    }
}
