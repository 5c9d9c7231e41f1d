package dev.switchboard.state;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.switchboard.provider.ChatResponse;
import dev.switchboard.provider.FinishReason;
import dev.switchboard.provider.ToolCall;
import dev.switchboard.provider.Usage;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A cached response as UTF-8 JSON, written and read with Jackson's streaming API (no binding
 * framework in the state package). The cost is a string so that the decimal survives exactly; the
 * format carries a version, and anything unreadable is an {@link IllegalArgumentException}
 * whose message never quotes the content.
 */
public final class CachedResponseJson {

    static final int VERSION = 1;
    private static final JsonFactory JSON = new JsonFactory();

    private CachedResponseJson() {
    }

    public static byte[] write(CachedResponse cached) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator out = JSON.createGenerator(bytes)) {
            ChatResponse r = cached.response();
            out.writeStartObject();
            out.writeNumberField("v", VERSION);
            out.writeStringField("provider", cached.provider());
            out.writeStringField("stored_at", cached.storedAt().toString());
            if (cached.originalCostUsd() != null) {
                out.writeStringField("original_cost_usd", cached.originalCostUsd().toPlainString());
            }
            out.writeStringField("model", r.model());
            out.writeStringField("text", r.text());
            out.writeStringField("finish_reason", r.finishReason().name());
            out.writeFieldName("usage");
            Usage u = r.usage();
            out.writeArray(new int[] {u.inputTokens(), u.outputTokens(), u.reasoningTokens(), u.cachedInputTokens()},
                    0, 4);
            if (u.cacheWriteInputTokens() > 0) {
                // A field of its own, not a fifth count: the previous build skips a field it does not know
                // but refuses a longer array, so entries stay readable to both while a deployment rolls.
                out.writeNumberField("cache_write_tokens", u.cacheWriteInputTokens());
            }
            out.writeArrayFieldStart("tool_calls");
            for (ToolCall call : r.toolCalls()) {
                out.writeStartArray();
                out.writeString(call.id());
                out.writeString(call.name());
                out.writeString(call.argumentsJson());
                out.writeEndArray();
            }
            out.writeEndArray();
            out.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return bytes.toByteArray();
    }

    /** Reads what {@link #write} wrote; IllegalArgumentException when it is not that. */
    public static CachedResponse read(byte[] json) {
        try (JsonParser in = JSON.createParser(json)) {
            expect(in.nextToken(), JsonToken.START_OBJECT);
            Fields f = new Fields();
            while (in.nextToken() == JsonToken.FIELD_NAME) {
                String name = in.currentName();
                JsonToken value = in.nextToken();
                switch (name) {
                    case "v" -> f.version = in.getIntValue();
                    case "provider" -> f.provider = text(in, value);
                    case "stored_at" -> f.storedAt = Instant.parse(text(in, value));
                    case "original_cost_usd" -> f.cost = new BigDecimal(text(in, value));
                    case "model" -> f.model = text(in, value);
                    case "text" -> f.text = text(in, value);
                    case "finish_reason" -> f.finish = FinishReason.valueOf(text(in, value).toUpperCase(Locale.ROOT));
                    case "usage" -> f.usage = usage(in, value);
                    case "cache_write_tokens" -> f.cacheWrites = count(in, value);
                    case "tool_calls" -> f.toolCalls = toolCalls(in, value);
                    default -> in.skipChildren();
                }
            }
            if (in.currentToken() != JsonToken.END_OBJECT || in.nextToken() != null) {
                throw new Unreadable("trailing content");
            }
            return f.build();
        } catch (IOException | RuntimeException e) {
            if (e instanceof Unreadable) {
                throw (Unreadable) e;
            }
            // Only the kind of failure: a parser's or a constructor's message may quote the content.
            throw new Unreadable("unreadable (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static Usage usage(JsonParser in, JsonToken value) throws IOException {
        expect(value, JsonToken.START_ARRAY);
        int[] counts = new int[4];
        for (int i = 0; i < 4; i++) {
            expect(in.nextToken(), JsonToken.VALUE_NUMBER_INT);
            counts[i] = in.getIntValue();
        }
        expect(in.nextToken(), JsonToken.END_ARRAY);
        return new Usage(counts[0], counts[1], counts[2], counts[3]);
    }

    private static int count(JsonParser in, JsonToken value) throws IOException {
        expect(value, JsonToken.VALUE_NUMBER_INT);
        return in.getIntValue();
    }

    private static List<ToolCall> toolCalls(JsonParser in, JsonToken value) throws IOException {
        expect(value, JsonToken.START_ARRAY);
        List<ToolCall> calls = new ArrayList<>();
        while (in.nextToken() == JsonToken.START_ARRAY) {
            calls.add(new ToolCall(text(in, in.nextToken()), text(in, in.nextToken()), text(in, in.nextToken())));
            expect(in.nextToken(), JsonToken.END_ARRAY);
        }
        expect(in.currentToken(), JsonToken.END_ARRAY);
        return calls;
    }

    private static String text(JsonParser in, JsonToken value) throws IOException {
        expect(value, JsonToken.VALUE_STRING);
        return in.getText();
    }

    private static void expect(JsonToken actual, JsonToken expected) {
        if (actual != expected) {
            throw new Unreadable("expected " + expected + ", found " + actual);
        }
    }

    /** A payload that is not a cached response; its message never quotes the payload. */
    private static final class Unreadable extends IllegalArgumentException {
        Unreadable(String problem) {
            super("cached response: " + problem);
        }
    }

    /** The fields as they are read, in any order. */
    private static final class Fields {
        int version;
        String provider;
        Instant storedAt;
        BigDecimal cost;
        String model;
        String text;
        FinishReason finish;
        Usage usage;
        int cacheWrites;
        List<ToolCall> toolCalls = List.of();

        CachedResponse build() {
            if (version != VERSION) {
                throw new Unreadable("format version " + version);
            }
            if (provider == null || storedAt == null || model == null || text == null || finish == null
                    || usage == null) {
                throw new Unreadable("a required field is missing");
            }
            Usage withWrites = cacheWrites == 0 ? usage : new Usage(usage.inputTokens(), usage.outputTokens(),
                    usage.reasoningTokens(), usage.cachedInputTokens(), cacheWrites);
            return new CachedResponse(provider, new ChatResponse(text, model, withWrites, finish, toolCalls), storedAt,
                    cost);
        }
    }
}
