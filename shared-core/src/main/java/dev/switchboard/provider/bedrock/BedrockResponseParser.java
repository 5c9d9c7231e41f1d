package dev.switchboard.provider.bedrock;

import dev.switchboard.cost.TokenCounter;
import dev.switchboard.provider.ChatRequest;
import dev.switchboard.provider.ChatResponse;
import dev.switchboard.provider.ProviderException;
import dev.switchboard.provider.ToolCall;
import dev.switchboard.provider.Usage;
import dev.switchboard.provider.UsageEstimate;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.ToolUseBlock;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A Converse response in the unified model: the output message's text blocks joined, its toolUse
 * blocks as tool calls, the stop reason and the usage. Converse does not echo the model, so the
 * requested model id is reported. Other block kinds (reasoning, citations) are not part of the answer.
 */
public final class BedrockResponseParser {

    private final String provider;
    private final TokenCounter tokens;

    public BedrockResponseParser(String provider, TokenCounter tokens) {
        this.provider = Objects.requireNonNull(provider);
        this.tokens = Objects.requireNonNull(tokens);
    }

    public ChatResponse parse(ConverseResponse response, ChatRequest request) {
        Message message = response.output() == null ? null : response.output().message();
        if (message == null) {
            throw new ProviderException(provider, ProviderException.Kind.UNAVAILABLE,
                    provider + " sent a response without an output message");
        }
        StringBuilder text = new StringBuilder();
        List<ToolCall> calls = new ArrayList<>();
        for (ContentBlock block : message.content()) {
            if (block.text() != null) {
                text.append(block.text());
            } else if (block.toolUse() != null) {
                calls.add(toolCall(block.toolUse()));
            }
        }
        Usage usage = BedrockUsage.of(response.usage());
        if (usage == null) {
            usage = UsageEstimate.of(tokens, request, text.toString(), calls);
        }
        return new ChatResponse(text.toString(), request.model(), usage,
                BedrockStopReasons.of(response.stopReasonAsString()), calls);
    }

    private ToolCall toolCall(ToolUseBlock toolUse) {
        if (toolUse.toolUseId() == null || toolUse.name() == null) {
            throw new ProviderException(provider, ProviderException.Kind.UNAVAILABLE,
                    provider + " sent a tool call without an id or a name");
        }
        String arguments = toolUse.input() == null ? "{}" : JsonDocuments.text(toolUse.input());
        return new ToolCall(toolUse.toolUseId(), toolUse.name(), arguments);
    }
}
