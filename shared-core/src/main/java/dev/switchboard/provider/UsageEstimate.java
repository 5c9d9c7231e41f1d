package dev.switchboard.provider;

import dev.switchboard.cost.TokenCounter;

import java.util.stream.Collectors;

/** Usage counted by the gateway when a provider reports none, so that an answer is never costed at zero. */
public final class UsageEstimate {

    private UsageEstimate() {
    }

    public static Usage of(TokenCounter tokens, ChatRequest request, String answer) {
        String prompt = request.messages().stream().map(ChatMessage::content).collect(Collectors.joining("\n"));
        return new Usage(tokens.count(prompt), tokens.count(answer));
    }
}
