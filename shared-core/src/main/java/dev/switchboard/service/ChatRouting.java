package dev.switchboard.service;

import dev.switchboard.api.ChatCompletionRequest;
import dev.switchboard.api.InvalidRequestException;
import dev.switchboard.api.ModelNotFoundException;
import dev.switchboard.api.RoutingPreferences;
import dev.switchboard.provider.ChatMessage;
import dev.switchboard.provider.ToolCall;
import dev.switchboard.provider.ToolDefinition;
import dev.switchboard.routing.RoutingDecision;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** What a chat completion asks of routing (its preferences, narrowed) and of admission (its prompt's tokens). */
final class ChatRouting {

    /** Tokens a provider adds around each message (role and separators); OpenAI's chat format uses 3 to 4. */
    static final int MESSAGE_FRAMING_TOKENS = 4;

    private final CandidateCatalog candidates;

    ChatRouting(CandidateCatalog candidates) {
        this.candidates = candidates;
    }

    /** The caller's preferences, narrowed to a pinned model and to what the request needs. */
    RoutingPreferences preferences(ChatCompletionRequest request) {
        RoutingPreferences p = request.routing();
        List<String> allow = p.allow();
        if (request.model() != null) {
            if (!allow.isEmpty()) {
                throw new InvalidRequestException("allow", "'allow' cannot be combined with a pinned 'model': "
                        + "use \"model\": \"auto\" to route within an allow list");
            }
            if (candidates.all().stream().noneMatch(c -> c.model().equals(request.model()))) {
                throw new ModelNotFoundException(request.model());
            }
            allow = List.of(request.model());
        }
        Set<String> requires = new HashSet<>(p.requires());
        if (!request.tools().isEmpty()) {
            requires.add("tools");
        }
        if (request.stream()) {
            requires.add("streaming");
        }
        return new RoutingPreferences(p.strategy(), p.latencyClass(), p.maxCost(), p.slaTargetMs(), allow, p.deny(),
                requires);
    }

    /**
     * The prompt's tokens as admission reserves them: routing counts the messages' text; a provider also
     * bills the tool definitions, the tool calls' arguments and a few tokens of framing per message.
     * Under-reserving would let the reconcile carry a budget past its cap, so these are added (about
     * four characters a token, rounded up).
     */
    static int promptTokens(ChatCompletionRequest request, RoutingDecision decision) {
        return (int) Math.min(Integer.MAX_VALUE, (long) decision.analysis().tokenCount() + extraPromptTokens(request));
    }

    /** What a provider reads besides the messages' text: tool definitions, tool calls' arguments, framing. */
    static int extraPromptTokens(ChatCompletionRequest request) {
        long extraChars = 0;
        for (ToolDefinition tool : request.tools()) {
            extraChars += tool.name().length() + (tool.description() == null ? 0 : tool.description().length())
                    + tool.parametersJson().length();
        }
        for (ChatMessage message : request.messages()) {
            for (ToolCall call : message.toolCalls()) {
                extraChars += call.name().length() + call.argumentsJson().length();
            }
        }
        long framing = MESSAGE_FRAMING_TOKENS * (long) request.messages().size();
        return (int) Math.min(Integer.MAX_VALUE, (extraChars + 3) / 4 + framing);
    }
}
