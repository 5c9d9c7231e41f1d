package dev.switchboard.service;

import dev.switchboard.config.ProviderConfig;
import dev.switchboard.provider.ChatProvider;
import dev.switchboard.provider.ChatRequest;
import dev.switchboard.provider.ChatResponse;
import dev.switchboard.provider.FinishReason;
import dev.switchboard.provider.ProviderAdapterFactory;
import dev.switchboard.provider.ProviderException;
import dev.switchboard.provider.StreamChunk;
import dev.switchboard.provider.ToolCall;
import dev.switchboard.provider.Usage;
import dev.switchboard.testsupport.NamedTestProvider;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * A test adapter whose providers stream fixed pieces of text, then either finish (with the given tool
 * calls, if any) or break off with an outage, as a connection reset mid-answer would. It counts calls
 * so a test can tell a retry or a restart from a single attempt, and records a sink that throws.
 */
final class ScriptedStreamAdapter implements ProviderAdapterFactory {

    static final String PROTOCOL = "test-scripted-stream";
    /** What the upstream said when it broke: it must reach no caller. */
    static final String UPSTREAM_TEXT = "upstream said: connection reset while answering the secret plan";
    static final Usage USAGE = new Usage(11, 7);

    final AtomicInteger calls = new AtomicInteger();
    /** Pieces offered to the sink, the one it threw at included: none is offered after a throw. */
    final AtomicInteger piecesOffered = new AtomicInteger();
    /** What the sink threw, as a caller that went away makes it do: the stream stops there. */
    final AtomicReference<RuntimeException> sinkThrew = new AtomicReference<>();
    /** The last request a provider got, as the adapter would have put it on the wire. */
    final AtomicReference<ChatRequest> lastRequest = new AtomicReference<>();
    private final List<String> pieces;
    private final List<ToolCall> toolCalls;
    private final Ending ending;
    /** The model name whole answers report, as an upstream names a dated snapshot; null: the one asked for. */
    private final String reportedModel;
    /** Why a finished answer stopped; null: it finished, or asked for its tool calls. */
    private final FinishReason stoppedBy;

    /** How a scripted answer ends: whole, with the provider's failure, or with a bug of the adapter's own. */
    private enum Ending { FINISH, BREAK, BUG }

    private ScriptedStreamAdapter(List<String> pieces, List<ToolCall> toolCalls, Ending ending,
                                  String reportedModel, FinishReason stoppedBy) {
        this.pieces = List.copyOf(pieces);
        this.toolCalls = List.copyOf(toolCalls);
        this.ending = ending;
        this.reportedModel = reportedModel;
        this.stoppedBy = stoppedBy;
    }

    private ScriptedStreamAdapter(List<String> pieces, List<ToolCall> toolCalls, Ending ending) {
        this(pieces, toolCalls, ending, null, null);
    }

    /** Finishes like {@link #finishing}, its whole answers naming {@code reportedModel} as the model. */
    static ScriptedStreamAdapter reportingModel(String reportedModel, String... pieces) {
        return new ScriptedStreamAdapter(List.of(pieces), List.of(), Ending.FINISH, reportedModel, null);
    }

    /** Finishes with {@code pieces}, stopped for {@code reason} (a safety filter, the length limit, ...). */
    static ScriptedStreamAdapter stoppedBy(FinishReason reason, String... pieces) {
        return new ScriptedStreamAdapter(List.of(pieces), List.of(), Ending.FINISH, null, reason);
    }

    static ScriptedStreamAdapter finishing(String... pieces) {
        return new ScriptedStreamAdapter(List.of(pieces), List.of(), Ending.FINISH);
    }

    static ScriptedStreamAdapter askingForTools(List<ToolCall> calls, String... pieces) {
        return new ScriptedStreamAdapter(List.of(pieces), calls, Ending.FINISH);
    }

    /** Sends every piece, then fails instead of sending the last chunk. */
    static ScriptedStreamAdapter breakingAfter(String... pieces) {
        return new ScriptedStreamAdapter(List.of(pieces), List.of(), Ending.BREAK);
    }

    /** Sends every piece, then throws what no provider failure is (a bug); a whole answer throws it at once. */
    static ScriptedStreamAdapter failingInside(String... pieces) {
        return new ScriptedStreamAdapter(List.of(pieces), List.of(), Ending.BUG);
    }

    @Override
    public String protocol() {
        return PROTOCOL;
    }

    @Override
    public ChatProvider create(ProviderConfig config) {
        return new NamedTestProvider(config.name(), PROTOCOL) {
            @Override
            public ChatResponse complete(ChatRequest request) {
                calls.incrementAndGet();
                lastRequest.set(request);
                if (ending != Ending.FINISH) {
                    throw ending == Ending.BREAK ? failure(config.name()) : bug();
                }
                return new ChatResponse(String.join("", pieces), reportedModel == null ? request.model() : reportedModel,
                        USAGE, finishReason(), toolCalls);
            }

            @Override
            public void stream(ChatRequest request, Consumer<StreamChunk> sink) {
                calls.incrementAndGet();
                lastRequest.set(request);
                for (String piece : pieces) {
                    piecesOffered.incrementAndGet();
                    try {
                        sink.accept(StreamChunk.text(piece));
                    } catch (RuntimeException e) {
                        // A real adapter's try-with-resources closes its connection here, and the throw goes on.
                        sinkThrew.set(e);
                        throw e;
                    }
                }
                if (ending != Ending.FINISH) {
                    throw ending == Ending.BREAK ? failure(config.name()) : bug();
                }
                sink.accept(StreamChunk.last(finishReason(), USAGE, toolCalls));
            }
        };
    }

    private FinishReason finishReason() {
        if (stoppedBy != null) {
            return stoppedBy;
        }
        return toolCalls.isEmpty() ? FinishReason.STOP : FinishReason.TOOL_CALLS;
    }

    private static IllegalStateException bug() {
        return new IllegalStateException("an adapter's own bug");
    }

    private static ProviderException failure(String provider) {
        return new ProviderException(provider, ProviderException.Kind.UNAVAILABLE, UPSTREAM_TEXT);
    }
}
