package dev.switchboard.provider;

import java.util.List;
import java.util.Objects;

/** A provider's answer in the unified model: its text, the tools it asks to call, usage and why it stopped. */
public record ChatResponse(String text, String model, Usage usage, FinishReason finishReason,
                           List<ToolCall> toolCalls) {

    public ChatResponse {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(usage, "usage");
        Objects.requireNonNull(finishReason, "finishReason");
        toolCalls = List.copyOf(toolCalls);
    }

    /** A text answer without tool calls. */
    public ChatResponse(String text, String model, Usage usage, FinishReason finishReason) {
        this(text, model, usage, finishReason, List.of());
    }
}
