package dev.switchboard.provider.bedrock;

import dev.switchboard.cost.TokenCounter;
import dev.switchboard.provider.ChatRequest;
import dev.switchboard.provider.FinishReason;
import dev.switchboard.provider.ProviderException;
import dev.switchboard.provider.StreamChunk;
import dev.switchboard.provider.ToolCall;
import dev.switchboard.provider.Usage;
import dev.switchboard.provider.UsageEstimate;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlockDeltaEvent;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlockStartEvent;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamMetadataEvent;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamOutput;
import software.amazon.awssdk.services.bedrockruntime.model.MessageStopEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * One ConverseStream answer, event by event: text deltas go to the sink as they arrive; toolUse
 * blocks are assembled by content block index (id and name from the block's start, input JSON
 * from its deltas). messageStop brings the stop reason and metadata the usage; the last chunk is
 * handed on only by {@link #end()}, once the stream has ended cleanly, so that a failure after
 * messageStop still never follows a last chunk. Not thread-safe: one assembler per stream.
 */
public final class BedrockStreamAssembler {

    private final String provider;
    private final TokenCounter tokens;
    private final ChatRequest request;
    private final Consumer<StreamChunk> sink;
    private final StringBuilder text = new StringBuilder();
    private final TreeMap<Integer, ToolUseFragments> toolUses = new TreeMap<>();
    private FinishReason finish;
    private Usage usage;

    public BedrockStreamAssembler(String provider, TokenCounter tokens, ChatRequest request,
                                  Consumer<StreamChunk> sink) {
        this.provider = Objects.requireNonNull(provider);
        this.tokens = Objects.requireNonNull(tokens);
        this.request = Objects.requireNonNull(request);
        this.sink = Objects.requireNonNull(sink);
    }

    public void accept(ConverseStreamOutput event) {
        if (event instanceof ContentBlockStartEvent start) {
            blockStart(start);
        } else if (event instanceof ContentBlockDeltaEvent delta) {
            blockDelta(delta);
        } else if (event instanceof MessageStopEvent stop) {
            finish = BedrockStopReasons.of(stop.stopReasonAsString());
        } else if (event instanceof ConverseStreamMetadataEvent metadata) {
            usage = BedrockUsage.of(metadata.usage());
        }
        // messageStart and contentBlockStop carry nothing the unified model keeps.
    }

    /** Whether messageStop came: the answer is whole, its usage (metadata) estimated if it does not follow. */
    public boolean finished() {
        return finish != null;
    }

    /**
     * Call when the stream has ended without failure: hands on the last chunk, or throws when the
     * stream never said it was finished (no messageStop). Usage that never came is estimated.
     */
    public void end() {
        if (finish == null) {
            throw new ProviderException(provider, ProviderException.Kind.UNAVAILABLE,
                    provider + " ended its stream before it finished (no messageStop)");
        }
        List<ToolCall> calls = new ArrayList<>(toolUses.size());
        for (ToolUseFragments parts : toolUses.values()) {
            String input = parts.input.toString();
            calls.add(new ToolCall(parts.id, parts.name, input.isBlank() ? "{}" : input));
        }
        sink.accept(StreamChunk.last(finish,
                usage != null ? usage : UsageEstimate.of(tokens, request, text.toString(), calls), calls));
    }

    private void blockStart(ContentBlockStartEvent event) {
        if (event.start() == null || event.start().toolUse() == null) {
            return;
        }
        String id = event.start().toolUse().toolUseId();
        String name = event.start().toolUse().name();
        if (id == null || name == null || event.contentBlockIndex() == null) {
            throw new ProviderException(provider, ProviderException.Kind.UNAVAILABLE,
                    provider + " streamed a tool call without an id, a name or a block index");
        }
        toolUses.put(event.contentBlockIndex(), new ToolUseFragments(id, name));
    }

    private void blockDelta(ContentBlockDeltaEvent event) {
        if (event.delta() == null) {
            return;
        }
        String delta = event.delta().text();
        if (delta != null && !delta.isEmpty()) {
            text.append(delta);
            sink.accept(StreamChunk.text(delta));
        }
        if (event.delta().toolUse() != null && event.delta().toolUse().input() != null) {
            ToolUseFragments parts = event.contentBlockIndex() == null ? null : toolUses.get(event.contentBlockIndex());
            if (parts == null) {
                throw new ProviderException(provider, ProviderException.Kind.UNAVAILABLE,
                        provider + " streamed tool input for a block that did not start as a tool call");
            }
            parts.input.append(event.delta().toolUse().input());
            sink.accept(StreamChunk.progress(event.delta().toolUse().input(), null));
        }
        if (event.delta().reasoningContent() != null && event.delta().reasoningContent().text() != null) {
            // Not the answer, but written, and billed, all the same.
            sink.accept(StreamChunk.progress(event.delta().reasoningContent().text(), null));
        }
    }

    /** A toolUse block as its stream fragments arrive. */
    private static final class ToolUseFragments {
        private final String id;
        private final String name;
        private final StringBuilder input = new StringBuilder();

        private ToolUseFragments(String id, String name) {
            this.id = id;
            this.name = name;
        }
    }
}
