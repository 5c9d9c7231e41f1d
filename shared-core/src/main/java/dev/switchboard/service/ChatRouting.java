package dev.switchboard.service;

import dev.switchboard.api.ChatCompletionRequest;
import dev.switchboard.api.InvalidRequestException;
import dev.switchboard.api.ModelNotFoundException;
import dev.switchboard.api.RoutingPreferences;
import dev.switchboard.cost.AttachmentTokens;
import dev.switchboard.cost.DocumentTokenEstimate;
import dev.switchboard.cost.ImageTokenEstimate;
import dev.switchboard.cost.TokenCounter;
import dev.switchboard.provider.ChatMessage;
import dev.switchboard.provider.ResponseFormat;
import dev.switchboard.provider.ToolCall;
import dev.switchboard.provider.ToolDefinition;
import dev.switchboard.routing.Candidate;
import dev.switchboard.routing.Capability;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** What a chat completion asks of routing: its preferences, narrowed, and the prompt tokens besides its text. */
final class ChatRouting {

    /** Tokens a provider adds around each message (role and separators); OpenAI's chat format uses 3 to 4. */
    static final int MESSAGE_FRAMING_TOKENS = 4;

    private final CandidateCatalog candidates;
    private final TokenCounter tokens;
    private final KeyModels keyModels;

    ChatRouting(CandidateCatalog candidates, TokenCounter tokens) {
        this.candidates = candidates;
        this.tokens = tokens;
        this.keyModels = new KeyModels(candidates);
    }

    /**
     * The caller's preferences, narrowed to a pinned model and to what the request needs. A pinned model none of
     * whose deployments the caller's key may use is a 403 (the key's other limits are routing's to apply).
     */
    RoutingPreferences preferences(ChatCompletionRequest request, Caller caller) {
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
            keyModels.requirePinnable(request.model(), caller);
            // The deployments of that very model, by label: a model's name alone may also be another deployment's
            // "provider/model" (OpenRouter's "openai/gpt-4o" beside OpenAI's own), which names that one only.
            allow = candidates.all().stream().filter(c -> c.model().equals(request.model())).map(Candidate::label)
                    .toList();
        }
        Set<String> requires = new HashSet<>(p.requires());
        if (!request.tools().isEmpty()) {
            requires.add(Capability.TOOLS.wireName());
        }
        if (request.stream()) {
            requires.add(Capability.STREAMING.wireName());
        }
        if (request.options().format().json()) {
            requires.add(Capability.JSON.wireName());
        }
        if (request.messages().stream().anyMatch(ChatMessage::hasImages)) {
            requires.add(Capability.VISION.wireName());
        }
        if (request.messages().stream().anyMatch(m -> !m.documents().isEmpty())) {
            requires.add(Capability.PDF.wireName());
        }
        if (request.messages().stream().anyMatch(m -> !m.audio().isEmpty())) {
            requires.add(Capability.AUDIO.wireName());
        }
        if (request.options().reasoning() != null) {
            requires.add(Capability.REASONING.wireName());
        }
        return new RoutingPreferences(p.strategy(), p.latencyClass(), p.maxCost(), p.slaTargetMs(), allow, p.deny(),
                requires);
    }

    /**
     * What a provider reads besides the messages' text, in tokens: the tool definitions, the tool calls'
     * arguments, the images and files and a few tokens of framing per message. Under-counting would let the reconcile carry a
     * budget past its cap, so these are added to the prompt's, each piece as
     * {@link TokenCounter#countUnrouted(String)} counts it, each image as {@link ImageTokenEstimate} does and
     * each file as {@link DocumentTokenEstimate} does.
     */
    int extraPromptTokens(ChatCompletionRequest request) {
        long extra = MESSAGE_FRAMING_TOKENS * (long) request.messages().size();
        for (ToolDefinition tool : request.tools()) {
            extra += tokens.countUnrouted(tool.name()) + tokens.countUnrouted(tool.description())
                    + tokens.countUnrouted(tool.parametersJson());
        }
        for (ChatMessage message : request.messages()) {
            for (ToolCall call : message.toolCalls()) {
                extra += tokens.countUnrouted(call.name()) + tokens.countUnrouted(call.argumentsJson());
            }
        }
        extra += AttachmentTokens.of(request.messages());
        ResponseFormat format = request.options().format();
        if (format.kind() == ResponseFormat.Kind.JSON_SCHEMA) {
            // The schema reaches the model as input, and is billed as such.
            extra += tokens.countUnrouted(format.schemaName()) + tokens.countUnrouted(format.schemaJson())
                    + tokens.countUnrouted(format.description());
        }
        return (int) Math.min(Integer.MAX_VALUE, extra);
    }
}
