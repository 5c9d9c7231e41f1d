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
                    new FunctionCall(call.name(), call.argumentsJson())));
        }
        return out;
    }

    static ChatCompletionChunk text(String id, long created, String model, String delta, boolean first) {
        return new ChatCompletionChunk(id, ChatCompletionChunk.OBJECT, created, model,
                List.of(new ChatCompletionChunk.ChunkChoice(0,
                        new ChatCompletionChunk.Delta(first ? "assistant" : null, delta, List.of()), null)),
                null, null);
    }

    static ChatCompletionChunk finish(String id, long created, String model, FinishReason reason,
                                      List<ToolCall> calls, boolean first, Gateway gateway) {
        return new ChatCompletionChunk(id, ChatCompletionChunk.OBJECT, created, model,
                List.of(new ChatCompletionChunk.ChunkChoice(0,
                        new ChatCompletionChunk.Delta(first ? "assistant" : null, null, toolCalls(calls, true)),
                        finishReason(reason))),
                null, gateway);
    }

    static ChatCompletionChunk usageOnly(String id, long created, String model, Usage usage) {
        return new ChatCompletionChunk(id, ChatCompletionChunk.OBJECT, created, model, List.of(), usage(usage), null);
    }
}
