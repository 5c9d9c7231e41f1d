package dev.switchboard.api;

import java.util.regex.Pattern;

/** Virtual key ids as callers send them back: in DELETE /keys/{id} and as GET /keys' {@code after}. */
public final class KeyIds {

    /** What KeyService issues ("vk_" and base64url), with room for ids of other lengths. */
    public static final Pattern PATTERN = Pattern.compile("vk_[A-Za-z0-9_-]{1,64}");

    private KeyIds() {
    }

    /** {@code id} when it can be a key id; otherwise a 400 naming the field, before any store call. */
    public static String checked(String field, String id) {
        if (id == null || !PATTERN.matcher(id).matches()) {
            throw new InvalidRequestException(field, "'" + field + "' must be a key id: vk_ and letters, digits, - or _");
        }
        return id;
    }
}
