package dev.switchboard.provider;

import dev.switchboard.cost.TokenCounter;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Usage counted by the gateway when a provider reports none, so that an answer is never costed at
 * zero: with the model's own encoding and OpenAI's message framing where they are known, an
 * estimate otherwise. The tools offered count as prompt; tool-call arguments count as answer text,
 * since the model wrote them.
 */
public final class UsageEstimate {

    private UsageEstimate() {
    }

    public static Usage of(TokenCounter tokens, ChatRequest request, String answer) {
        return of(tokens, request, answer, List.of());
    }

    public static Usage of(TokenCounter tokens, ChatRequest request, String answer, List<ToolCall> calls) {
        int input = tokens.countChat(request.model(), request.messages()).tokens() + toolTokens(tokens, request);
        String written = calls.isEmpty() ? answer : answer + calls.stream()
                .map(call -> call.name() + call.argumentsJson()).collect(Collectors.joining());
        return new Usage(input, tokens.count(request.model(), written).tokens());
    }

    /** The tool definitions the request offered: the provider reads, and bills, them as prompt. */
    private static int toolTokens(TokenCounter tokens, ChatRequest request) {
        if (request.tools().isEmpty()) {
            return 0;
        }
        String offered = request.tools().stream()
                .map(tool -> tool.name() + (tool.description() == null ? "" : tool.description()) + tool.parametersJson())
                .collect(Collectors.joining());
        return tokens.count(request.model(), offered).tokens();
    }
}
