package dev.switchboard.service.priming;

import dev.switchboard.config.BedrockGuardrail;
import dev.switchboard.cost.TokenCounter;
import dev.switchboard.provider.ChatMessage;
import dev.switchboard.provider.ChatRequest;
import dev.switchboard.provider.anthropic.AnthropicRequestMapper;
import dev.switchboard.provider.anthropic.AnthropicResponseParser;
import dev.switchboard.provider.bedrock.BedrockRequestMapper;
import dev.switchboard.provider.bedrock.BedrockResponseParser;
import dev.switchboard.provider.gemini.GeminiRequestMapper;
import dev.switchboard.provider.gemini.GeminiResponseParser;
import dev.switchboard.provider.openai.OpenAiRequestMapper;
import dev.switchboard.provider.openai.OpenAiResponseParser;
import io.micronaut.json.JsonMapper;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseOutput;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.StopReason;
import software.amazon.awssdk.services.bedrockruntime.model.TokenUsage;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Runs each provider adapter's request mapper and response parser on made-up wire data: the code an
 * adapter runs around its HTTP call, without the call.
 */
final class ProviderWireSamples {

    private static final String PROVIDER = "primer";
    private static final ChatRequest REQUEST = new ChatRequest("primer-model",
            List.of(new ChatMessage("system", "Be brief."), ChatMessage.user("What is the capital of France?")),
            64, 0.2, List.of());

    private static final byte[] OPENAI = bytes("""
            {"id":"chatcmpl-1","object":"chat.completion","model":"primer-model","choices":[{"index":0,
             "message":{"role":"assistant","content":"Paris."},"finish_reason":"stop"}],
             "usage":{"prompt_tokens":12,"completion_tokens":2,"total_tokens":14}}""");
    private static final byte[] ANTHROPIC = bytes("""
            {"id":"msg_1","type":"message","role":"assistant","model":"primer-model",
             "content":[{"type":"text","text":"Paris."}],"stop_reason":"end_turn",
             "usage":{"input_tokens":12,"output_tokens":2}}""");
    private static final byte[] GEMINI = bytes("""
            {"candidates":[{"content":{"role":"model","parts":[{"text":"Paris."}]},"finishReason":"STOP"}],
             "usageMetadata":{"promptTokenCount":12,"candidatesTokenCount":2,"totalTokenCount":14},
             "modelVersion":"primer-model"}""");

    private final JsonMapper json;
    private final TokenCounter tokens;

    ProviderWireSamples(JsonMapper json, TokenCounter tokens) {
        this.json = json;
        this.tokens = tokens;
    }

    /** The number of adapters whose mapping and parsing ran. */
    int mapAndParseAll() {
        new OpenAiRequestMapper(json, "max_tokens").body(REQUEST, false);
        new OpenAiRequestMapper(json, "max_completion_tokens").body(REQUEST, true);
        new OpenAiResponseParser(PROVIDER, json, tokens).parse(OPENAI, REQUEST);

        new AnthropicRequestMapper(json, true).body(REQUEST, false);
        new AnthropicResponseParser(PROVIDER, json, tokens).parse(ANTHROPIC, REQUEST);

        new GeminiRequestMapper(json).body(REQUEST);
        new GeminiResponseParser(PROVIDER, json, tokens).parse(GEMINI, REQUEST);

        // A Claude model and a guardrail, so that the cache points and the guardrail configuration are built too.
        BedrockRequestMapper bedrock = new BedrockRequestMapper(true, new BedrockGuardrail("primer", "DRAFT"));
        ChatRequest claude = new ChatRequest("anthropic.claude-sonnet-4-5-v1:0", REQUEST.messages(), 64, 0.2,
                List.of());
        bedrock.converse(claude);
        bedrock.converseStream(claude);
        new BedrockResponseParser(PROVIDER, tokens).parse(ConverseResponse.builder()
                .output(ConverseOutput.fromMessage(Message.builder().role(ConversationRole.ASSISTANT)
                        .content(ContentBlock.fromText("Paris.")).build()))
                .stopReason(StopReason.END_TURN)
                .usage(TokenUsage.builder().inputTokens(12).outputTokens(2).totalTokens(14).build())
                .build(), REQUEST);
        return 4;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
