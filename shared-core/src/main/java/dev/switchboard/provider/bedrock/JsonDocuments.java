package dev.switchboard.provider.bedrock;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.switchboard.provider.JsonText;
import software.amazon.awssdk.core.document.Document;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON text to the SDK's {@link Document} and back. The unified model carries tool schemas and
 * arguments as JSON text; the Converse API wants them as documents. Numbers travel as their text,
 * so that neither direction rounds them.
 */
final class JsonDocuments {

    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonDocuments() {
    }

    /** @throws IllegalArgumentException when {@code json} is not exactly one JSON value */
    static Document parse(String json, String what) {
        if (!JsonText.isSingleValue(json)) {
            throw new IllegalArgumentException(what + " is not one JSON value");
        }
        try (JsonParser parser = FACTORY.createParser(json)) {
            return value(parser, parser.nextToken());
        } catch (IOException e) {
            throw new IllegalArgumentException(what + " is not one JSON value", e);
        }
    }

    static String text(Document document) {
        StringWriter out = new StringWriter();
        try (JsonGenerator generator = FACTORY.createGenerator(out)) {
            write(generator, document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static Document value(JsonParser parser, JsonToken token) throws IOException {
        return switch (token) {
            case START_OBJECT -> {
                Map<String, Document> members = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    members.put(name, value(parser, parser.nextToken()));
                }
                yield Document.fromMap(members);
            }
            case START_ARRAY -> {
                List<Document> items = new ArrayList<>();
                JsonToken next;
                while ((next = parser.nextToken()) != JsonToken.END_ARRAY) {
                    items.add(value(parser, next));
                }
                yield Document.fromList(items);
            }
            case VALUE_STRING -> Document.fromString(parser.getText());
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> Document.fromNumber(parser.getText());
            case VALUE_TRUE -> Document.fromBoolean(true);
            case VALUE_FALSE -> Document.fromBoolean(false);
            case VALUE_NULL -> Document.fromNull();
            default -> throw new IOException("unexpected JSON token " + token);
        };
    }

    private static void write(JsonGenerator out, Document document) throws IOException {
        if (document == null || document.isNull()) {
            out.writeNull();
        } else if (document.isMap()) {
            out.writeStartObject();
            for (Map.Entry<String, Document> member : document.asMap().entrySet()) {
                out.writeFieldName(member.getKey());
                write(out, member.getValue());
            }
            out.writeEndObject();
        } else if (document.isList()) {
            out.writeStartArray();
            for (Document item : document.asList()) {
                write(out, item);
            }
            out.writeEndArray();
        } else if (document.isString()) {
            out.writeString(document.asString());
        } else if (document.isNumber()) {
            out.writeNumber(document.asNumber().stringValue());
        } else {
            out.writeBoolean(document.asBoolean());
        }
    }
}
