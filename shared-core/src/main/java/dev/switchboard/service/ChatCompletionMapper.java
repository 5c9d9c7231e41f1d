package dev.switchboard.service;

import dev.switchboard.api.ChatCompletionChunk;
import dev.switchboard.api.ChatCompletionResponse;
import dev.switchboard.api.ChatCompletionResponse.FunctionCall;
import dev.switchboard.api.ChatCompletionResponse.Gateway;
import dev.switchboard.api.ChatCompletionResponse.TokenUsage;
import dev.switchboard.api.ChatCompletionResponse.ToolCallOut;
import dev.switchboard.provider.ChatResponse;
import dev.switchboard.provider.FinishReason;
import dev.switchboard.provider.ToolCall;
import dev.switchboard.provider.Usage;
import java.util.ArrayList;
import java.util.List;

/** The unified answer in OpenAI's chat.completion and chat.completion.chunk shapes. */
final class ChatCompletionMapper {

    private ChatCompletionMapper() {
    }

    /**
     * OpenAI's finish_reason for ours. OpenAI has no word for "something else"; its clients know
     * only stop, length, tool_calls and content_filter, so an unknown reason reads as a stop.
     */
    private static String finishReason(FinishReason reason) {
        return reason == FinishReason.OTHER ? FinishReason.STOP.wireName() : reason.wireName();
    }

    /** The one choice of a whole answer; content is null when the answer only calls tools, as OpenAI sends it. */
    static ChatCompletionResponse.Choice choice(ChatResponse response) {
        String content = response.text().isEmpty() && !response.toolCalls().isEmpty() ? null : response.text();
        return new ChatCompletionResponse.Choice(0, new ChatCompletionResponse.Message("assistant", content,
                toolCalls(response.toolCalls(), false)), finishReason(response.finishReason()));
    }

    static TokenUsage usage(Usage usage) {
        return new TokenUsage(usage.inputTokens(), usage.outputTokens(), usage.inputTokens() + usage.outputTokens(),
                new ChatCompletionResponse.PromptDetails(usage.cachedInputTokens()),
                new ChatCompletionResponse.CompletionDetails(usage.reasoningTokens()));
    }

    /** @param indexed whether each call carries its index, as stream deltas do */
    static List<ToolCallOut> toolCalls(List<ToolCall> calls, boolean indexed) {
        List<ToolCallOut> out = new ArrayList<>(calls.size());
        for (int i = 0; i < calls.size(); i++) {
            ToolCall call = calls.get(i);
            out.add(new ToolCallOut(indexed ? i : null, call.id(), "function",
                    new FunctionCall(call.name(), call.argumentsJson()), call.signature() == null ? null
                            : new ChatCompletionResponse.ExtraContent(new ChatCompletionResponse.Google(call.signature()))));
        }
        return out;
    }

    static ChatCompletionChunk text(String id, long created, String model, String delta, boolean first) {
        return delta(id, created, model, new ChatCompletionChunk.Delta(first ? "assistant" : null, delta, List.of()),
                null, null);
    }

    /**
     * The chunks that end a stream: one per tool call (OpenAI streams its calls one at a time, and some clients,
     * LlamaIndex's among them, read only the first call of a delta), then the finishing chunk.
     *
     * @param first whether nothing was sent before, so that the first of these carries the role
     */
    static List<ChatCompletionChunk> finish(String id, long created, String model, FinishReason reason,
                                            List<ToolCall> calls, boolean first, Gateway gateway) {
        List<ToolCallOut> out = toolCalls(calls, true);
        List<ChatCompletionChunk> chunks = new ArrayList<>(out.size() + 1);
        for (ToolCallOut call : out) {
            chunks.add(delta(id, created, model, new ChatCompletionChunk.Delta(first && chunks.isEmpty()
                    ? "assistant" : null, null, List.of(call)), null, null));
        }
        chunks.add(delta(id, created, model, new ChatCompletionChunk.Delta(first && chunks.isEmpty()
                ? "assistant" : null, null, List.of()), finishReason(reason), gateway));
        return chunks;
    }

    private static ChatCompletionChunk delta(String id, long created, String model, ChatCompletionChunk.Delta delta,
                                             String finishReason, Gateway gateway) {
        return new ChatCompletionChunk(id, ChatCompletionChunk.OBJECT, created, model,
                List.of(new ChatCompletionChunk.ChunkChoice(0, delta, finishReason)), null, gateway);
    }

    static ChatCompletionChunk usageOnly(String id, long created, String model, Usage usage) {
        return new ChatCompletionChunk(id, ChatCompletionChunk.OBJECT, created, model, List.of(), usage(usage), null);
    }
}
