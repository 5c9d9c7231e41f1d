package dev.switchboard.api;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;

/**
 * A streaming pass over a request body before it is bound: exactly one JSON value, nothing after
 * it, and no key twice in one object. Binders accept all three silently (the last duplicate wins),
 * which would let a request mean something other than what it appears to say.
 */
final class JsonStructure {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private JsonStructure() {
    }

    static void requireOneValueWithoutDuplicateKeys(byte[] body) {
        try (JsonParser parser = FACTORY.createParser(body)) {
            if (parser.nextToken() == null) {
                throw new InvalidRequestException(null, "Request body is not valid JSON");
            }
            parser.skipChildren();
            if (parser.nextToken() != null) {
                throw new InvalidRequestException(null, "Request body has content after its JSON value");
            }
        } catch (JsonParseException e) {
            String message = e.getOriginalMessage();
            if (message != null && message.startsWith("Duplicate field '")) {
                String field = message.substring("Duplicate field '".length(), message.indexOf('\'', 17));
                throw new InvalidRequestException(field, "Field '" + field + "' appears more than once");
            }
            throw new InvalidRequestException(null, "Request body is not valid JSON");
        } catch (IOException e) {
            throw new InvalidRequestException(null, "Request body is not valid JSON");
        }
    }
}
