package dev.switchboard.api;

import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Turns a POST /keys body into a {@link CreateKeyRequest}, or a 400 that names the field. */
@Singleton
public final class CreateKeyRequestParser {

    public static final int MAX_TEXT = KeyFields.MAX_TEXT;
    static final Pattern USER_NAME = Pattern.compile("[A-Za-z0-9._@+-]+");

    /** The principals of the admin key and of unauthenticated local use (Authenticator, Caller). */
    public static final List<String> RESERVED_USERS = List.of("admin", "anonymous");

    private static final Set<String> FIELDS = Set.of("user", "name", "budget", "limits", "expires_at", "models");

    private final JsonMapper mapper;

    public CreateKeyRequestParser(JsonMapper mapper) {
        this.mapper = mapper;
    }

    public CreateKeyRequest parse(byte[] body) {
        JsonBody json = JsonBody.parseObject(mapper, body, FIELDS);
        String name = KeyFields.name(json);
        String user = json.requiredText("user", MAX_TEXT);
        if (!USER_NAME.matcher(user).matches()) {
            // A user is a principal: "alice" and "alice " would be two, with two budgets; and it goes into logs.
            throw new InvalidRequestException("user", "'user' may hold letters, digits and . _ @ + - only");
        }
        if (RESERVED_USERS.contains(user)) {
            // A key for one of these would act as the admin, or as every unauthenticated local caller.
            throw new InvalidRequestException("user", "'user' must not be " + String.join(" or ", RESERVED_USERS)
                    + ": those name the admin key and unauthenticated local use");
        }
        return new CreateKeyRequest(user, name, KeyFields.budget(json.optionalNode("budget")),
                KeyFields.limits(json.optionalNode("limits")), KeyFields.expiresAt(json.optionalNode("expires_at")),
                KeyFields.models(json));
    }
}
