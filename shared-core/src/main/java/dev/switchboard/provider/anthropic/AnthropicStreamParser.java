package dev.switchboard.provider.anthropic;

import dev.switchboard.provider.JsonObjects;
import dev.switchboard.cost.TokenCounter;
import dev.switchboard.provider.ChatRequest;
import dev.switchboard.provider.ProviderException;
import dev.switchboard.provider.StreamChunk;
import dev.switchboard.provider.ToolCall;
import dev.switchboard.provider.Usage;
import dev.switchboard.provider.UsageEstimate;
import dev.switchboard.provider.sse.SseEvent;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;

import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

import static dev.switchboard.provider.anthropic.AnthropicJson.object;
import static dev.switchboard.provider.anthropic.AnthropicJson.string;

/**
 * One Messages stream, event by event: message_start brings the input usage, text_delta events go
 * to the sink as they arrive, tool_use blocks are assembled from their input_json_delta pieces (see
 * {@link AnthropicToolBlocks}), message_delta brings the stop reason and output usage, and
 * message_stop hands on the last chunk. The input usage, thinking and tool-call fragments, and pings go to the
 * sink as progress (nothing for the caller, but billed if the stream is cut). A stream that ends before
 * message_stop was cut, and
 * {@link #end()} says so by throwing; an error event mid-stream throws at once. Events it does not
 * know (content_block_stop, kinds Anthropic adds later) are skipped. Not thread-safe: one
 * parser per stream.
 */
public final class AnthropicStreamParser {

    private final String provider;
    private final JsonMapper json;
    private final TokenCounter tokens;
    private final ChatRequest request;
    private final Consumer<StreamChunk> sink;
    private final StringBuilder text = new StringBuilder();
    private final AnthropicToolBlocks tools;
    private AnthropicUsage.Input input;
    private int output = -1;
    private String stopReason;
    private boolean done;

    public AnthropicStreamParser(String provider, JsonMapper json, TokenCounter tokens, ChatRequest request,
                                 Consumer<StreamChunk> sink) {
        this.provider = Objects.requireNonNull(provider);
        this.json = Objects.requireNonNull(json);
        this.tokens = Objects.requireNonNull(tokens);
        this.request = Objects.requireNonNull(request);
        this.sink = Objects.requireNonNull(sink);
        this.tools = new AnthropicToolBlocks(provider, json);
    }

    /** @return false once message_stop has been seen and the last chunk handed on */
    public boolean accept(SseEvent event) {
        if (done) {
            return false;
        }
        JsonNode data = parse(event.data());
        String type = string(data, "type");
        switch (type != null ? type : event.event()) {
            // Its output_tokens is a placeholder: the real count comes with message_delta.
            case "message_start" -> {
                input(object(object(data, "message"), "usage"));
                if (input != null) {
                    // The input as billed, prompt-cache split included: what a stream cut from here on is billed.
                    sink.accept(StreamChunk.progress("", AnthropicUsage.of(input, 0)));
                }
            }
            case "content_block_start" -> blockStart(data);
            case "content_block_delta" -> blockDelta(data);
            case "message_delta" -> messageDelta(data);
            case "message_stop" -> {
                finishStream();
                return false;
            }
            case "error" -> {
                AnthropicErrorBody error = AnthropicErrorBody.of(object(data, "error"));
                throw ProviderException.midStream(provider, "rate_limit_error".equals(error.type()), error.typeSuffix());
            }
            case "ping" -> sink.accept(StreamChunk.progress("", null)); // a caller gone is noticed while it thinks
            default -> {
                // content_block_stop, and event kinds Anthropic may add: nothing to take from them.
            }
        }
        return true;
    }

    /** Call when the body has ended: throws unless the stream reached message_stop. */
    public void end() {
        if (!done) {
            throw new ProviderException(provider, ProviderException.Kind.UNAVAILABLE,
                    provider + " ended its stream before it finished (no message_stop)");
        }
    }

    private void blockStart(JsonNode data) {
        JsonNode block = object(data, "content_block");
        String type = string(block, "type");
        if ("text".equals(type)) {
            text(string(block, "text"));
        } else if ("tool_use".equals(type)) {
            tools.start(index(data), block);
        }
    }

    private void blockDelta(JsonNode data) {
        JsonNode delta = object(data, "delta");
        String type = string(delta, "type");
        if ("text_delta".equals(type)) {
            text(string(delta, "text"));
        } else if ("input_json_delta".equals(type)) {
            String piece = string(delta, "partial_json");
            tools.append(index(data), piece);
            sink.accept(StreamChunk.progress(piece, null));
        } else if ("thinking_delta".equals(type)) {
            // Not part of the unified answer, but written, and billed, all the same.
            sink.accept(StreamChunk.progress(string(delta, "thinking"), null));
        }
        // signature and citation deltas are not part of the unified answer.
    }

    private void messageDelta(JsonNode data) {
        String reason = string(object(data, "delta"), "stop_reason");
        if (reason != null) {
            stopReason = reason;
        }
        JsonNode usage = object(data, "usage");
        input(usage);
        output = Math.max(output, AnthropicUsage.output(usage));
    }

    /** Anthropic's counts are running totals, so a later report of a count replaces an earlier one. */
    private void input(JsonNode usage) {
        AnthropicUsage.Input reported = AnthropicUsage.input(usage);
        if (reported != null) {
            input = input == null ? reported : input.max(reported);
        }
    }

    private void text(String piece) {
        if (piece != null && !piece.isEmpty()) {
            text.append(piece);
            sink.accept(StreamChunk.text(piece));
        }
    }

    private void finishStream() {
        if (stopReason == null) {
            throw new ProviderException(provider, ProviderException.Kind.UNAVAILABLE,
                    provider + " ended its stream without a stop reason");
        }
        List<ToolCall> calls = tools.assemble();
        done = true;
        sink.accept(StreamChunk.last(AnthropicStopReasons.of(stopReason), usage(calls), calls));
    }

    /** The reported usage; what was not reported is estimated (tool calls included) rather than costed at zero. */
    private Usage usage(List<ToolCall> calls) {
        if (input != null && output >= 0) {
            return AnthropicUsage.of(input, output);
        }
        Usage estimate = UsageEstimate.of(tokens, request, text.toString(), calls);
        return input != null ? AnthropicUsage.of(input, estimate.outputTokens())
                : new Usage(estimate.inputTokens(), output >= 0 ? output : estimate.outputTokens());
    }

    private int index(JsonNode data) {
        JsonNode index = object(data, "index");
        if (index == null || !index.isNumber()) {
            throw new ProviderException(provider, ProviderException.Kind.UNAVAILABLE,
                    provider + " streamed a content block event without an index");
        }
        return index.getIntValue();
    }

    private JsonNode parse(String data) {
        return JsonObjects.read(json, data).orElseThrow(() -> new ProviderException(provider,
                ProviderException.Kind.UNAVAILABLE, provider + " streamed an event that is not a JSON object"));
    }
}
