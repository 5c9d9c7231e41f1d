package dev.switchboard.provider.bedrock;

import dev.switchboard.config.BedrockGuardrail;
import dev.switchboard.provider.ChatMessage;
import dev.switchboard.provider.ChatRequest;
import dev.switchboard.provider.ClaudePrefill;
import dev.switchboard.provider.ClaudeThinking;
import dev.switchboard.provider.ClaudeVersions;
import dev.switchboard.provider.GenerationOptions;
import dev.switchboard.provider.DocumentInput;
import dev.switchboard.provider.ImageInput;
import dev.switchboard.provider.MessagePart;
import dev.switchboard.provider.ReasoningEffort;
import dev.switchboard.provider.ToolCall;
import dev.switchboard.provider.ToolChoice;
import dev.switchboard.provider.ToolDefinition;
import dev.switchboard.provider.ToolHistoryAsText;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.bedrockruntime.model.AnyToolChoice;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamRequest;
import software.amazon.awssdk.services.bedrockruntime.model.DocumentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.DocumentFormat;
import software.amazon.awssdk.services.bedrockruntime.model.DocumentSource;
import software.amazon.awssdk.services.bedrockruntime.model.ImageBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ImageFormat;
import software.amazon.awssdk.services.bedrockruntime.model.ImageSource;
import software.amazon.awssdk.services.bedrockruntime.model.InferenceConfiguration;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.OutputConfig;
import software.amazon.awssdk.services.bedrockruntime.model.SpecificToolChoice;
import software.amazon.awssdk.services.bedrockruntime.model.SystemContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.Tool;
import software.amazon.awssdk.services.bedrockruntime.model.ToolConfiguration;
import software.amazon.awssdk.services.bedrockruntime.model.ToolInputSchema;
import software.amazon.awssdk.services.bedrockruntime.model.ToolResultBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ToolResultContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ToolSpecification;
import software.amazon.awssdk.services.bedrockruntime.model.ToolUseBlock;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The unified request as a Converse / ConverseStream request. System turns become the separate
 * system blocks; a tool turn is a user message holding a toolResult block; consecutive turns of the
 * same Bedrock role are merged into one message, because Converse wants user and assistant to
 * alternate (and wants all results of one assistant turn's tool calls in the next user message).
 * The request's end-user identifier is not sent: Converse has no field for one (its requestMetadata
 * is for invocation-log filtering, not an end-user id, and would put the id in the account's logs).
 *
 * @throws IllegalArgumentException (from both methods) when a tool schema or a tool call's
 *                                  arguments are not JSON (Converse takes them as documents, not text),
 *                                  when no turn has content to send, or when an image is given by
 *                                  address or beyond Converse's limits
 */
public final class BedrockRequestMapper {

    /** Converse's highest temperature (its range is 0 to 1); the unified model allows up to 2, as OpenAI does. */
    static final double MAX_TEMPERATURE = 1.0;
    /** Converse's documented limits: 20 images in a request, each at most 3.75 MB and 8000 pixels a side. */
    static final int MAX_IMAGES = 20;
    static final long MAX_IMAGE_BYTES = 3_750_000;
    static final int MAX_SIDE = 8000;
    /** And 5 files in a request, each at most 4.5 MB. */
    static final int MAX_DOCUMENTS = 5;
    static final long MAX_DOCUMENT_BYTES = 4_500_000;

    private final boolean promptCaching;
    private final BedrockGuardrail guardrail;

    /** A mapper whose requests carry no cache points and no guardrail. */
    public BedrockRequestMapper() {
        this(false, null);
    }

    /**
     * @param promptCaching each request marks its prefix with cache points (see ConverseCachePoints)
     * @param guardrail     the guardrail every request goes through (see ConverseGuardrail), or null for none
     */
    public BedrockRequestMapper(boolean promptCaching, BedrockGuardrail guardrail) {
        this.promptCaching = promptCaching;
        this.guardrail = guardrail;
    }

    public ConverseRequest converse(ChatRequest request) {
        Parts parts = parts(request);
        ConverseRequest.Builder builder = ConverseRequest.builder()
                .modelId(request.model())
                .messages(parts.messages())
                .system(parts.system())
                .inferenceConfig(parts.inference())
                .toolConfig(parts.tools())
                .outputConfig(parts.output())
                .guardrailConfig(ConverseGuardrail.converse(guardrail));
        parts.thinking().ifPresent(plan -> builder.additionalModelRequestFields(ConverseThinking.fields(plan)));
        return builder.build();
    }

    public ConverseStreamRequest converseStream(ChatRequest request) {
        Parts parts = parts(request);
        ConverseStreamRequest.Builder builder = ConverseStreamRequest.builder()
                .modelId(request.model())
                .messages(parts.messages())
                .system(parts.system())
                .inferenceConfig(parts.inference())
                .toolConfig(parts.tools())
                .outputConfig(parts.output())
                .guardrailConfig(ConverseGuardrail.stream(guardrail));
        parts.thinking().ifPresent(plan -> builder.additionalModelRequestFields(ConverseThinking.fields(plan)));
        return builder.build();
    }

    /** What Converse and ConverseStream requests share; {@code tools} and {@code output} null when not asked. */
    private record Parts(List<Message> messages, List<SystemContentBlock> system, InferenceConfiguration inference,
                         ToolConfiguration tools, OutputConfig output, Optional<ClaudeThinking.Plan> thinking) {
    }

    private Parts parts(ChatRequest request) {
        requireSayable(request);
        // Claude thinks on a reasoning effort; what it cannot think with is refused here, as for Anthropic's API.
        Optional<ClaudeThinking.Plan> thinking = BedrockModels.isClaude(request.model())
                ? ClaudeThinking.plan(request, offersTools(request))
                : Optional.empty();
        List<Message> messages = messages(request);
        List<SystemContentBlock> system = system(request);
        boolean caching = promptCaching && BedrockModels.cachesPrompts(request.model());
        ToolConfiguration tools = offersTools(request) ? tools(request,
                caching && system.isEmpty() && BedrockModels.cachesTools(request.model())) : null;
        if (caching) {
            messages = ConverseCachePoints.afterTurns(messages);
            system = ConverseCachePoints.afterSystem(system);
        }
        return new Parts(messages, system, inference(request, thinking.isPresent()), tools,
                ConverseOutputFormat.of(request.options().format()).orElse(null), thinking);
    }

    /**
     * A reasoning effort goes to Claude's models only (their thinking; routing offers it only to deployments
     * with the reasoning capability, which only those may have); {@code none} asks nothing of any model.
     * Penalties, and holding the model to one tool call, Converse cannot say.
     */
    private static void requireSayable(ChatRequest request) {
        ReasoningEffort effort = request.options().reasoning();
        boolean claude = BedrockModels.isClaude(request.model());
        if (effort != null && effort != ReasoningEffort.NONE && !claude) {
            throw new IllegalArgumentException("this gateway gives a reasoning effort on Bedrock to Claude's models only");
        }
        if (request.options().penalties().any()) {
            throw new IllegalArgumentException("Bedrock Converse takes no presence or frequency penalty");
        }
        if (offersTools(request) && request.toolChoice().limitsCalls()) {
            // Converse's tool configuration has no word for it, and its models may answer with several calls.
            throw new IllegalArgumentException("Bedrock Converse cannot be held to one tool call at a time");
        }
    }

    private static List<SystemContentBlock> system(ChatRequest request) {
        return request.messages().stream()
                .filter(message -> message.role().equals("system") && !message.content().isBlank())
                .map(message -> SystemContentBlock.fromText(message.content()))
                .toList();
    }

    private static List<Message> messages(ChatRequest request) {
        requireAttachmentsWithinLimits(request.messages());
        // Converse refuses two files of one name anywhere in a request.
        Set<String> documentNames = new HashSet<>();
        List<Message> out = new ArrayList<>();
        ConversationRole role = null;
        List<ContentBlock> blocks = new ArrayList<>();
        // Converse refuses tool blocks without a tool configuration: with no tools offered they go as text.
        List<ChatMessage> messages = BedrockModels.isClaude(request.model())
                ? ClaudePrefill.fitted(request.model(), request.messages()) : request.messages();
        List<ChatMessage> conversation = offersTools(request) ? messages : ToolHistoryAsText.of(messages);
        for (ChatMessage message : conversation) {
            if (message.role().equals("system")) {
                continue;
            }
            List<ContentBlock> content = content(message, documentNames);
            // Converse refuses a message without content; an empty turn (an empty answer the gateway gave
            // earlier) carries nothing, and skipping it before merging keeps its neighbours in alternation.
            if (content.isEmpty()) {
                continue;
            }
            ConversationRole next = message.role().equals("assistant") ? ConversationRole.ASSISTANT
                    : ConversationRole.USER;
            if (role != null && next != role) {
                out.add(Message.builder().role(role).content(blocks).build());
                blocks = new ArrayList<>();
            }
            role = next;
            blocks.addAll(content);
        }
        if (role == null) {
            throw new IllegalArgumentException("Converse needs at least one user or assistant turn with content");
        }
        out.add(Message.builder().role(role).content(blocks).build());
        return out;
    }

    private static List<ContentBlock> content(ChatMessage message, Set<String> documentNames) {
        if (message.role().equals("tool")) {
            return List.of(ContentBlock.fromToolResult(ToolResultBlock.builder()
                    .toolUseId(message.toolCallId())
                    .content(ToolResultContentBlock.fromText(message.content()))
                    .build()));
        }
        if (message.hasParts()) {
            return partBlocks(message, documentNames);
        }
        List<ContentBlock> blocks = new ArrayList<>();
        // Converse refuses blank text blocks, so a turn whose text is blank (one that only calls tools,
        // an empty answer) sends none.
        if (!message.content().isBlank()) {
            blocks.add(ContentBlock.fromText(message.content()));
        }
        for (ToolCall call : message.toolCalls()) {
            blocks.add(ContentBlock.fromToolUse(ToolUseBlock.builder()
                    .toolUseId(call.id())
                    .name(call.name())
                    .input(JsonDocuments.parse(call.argumentsJson(), "the arguments of tool call " + call.id()))
                    .build()));
        }
        return blocks;
    }

    /**
     * A user turn's text, images and PDF files in order; Converse takes an image's bytes, or an S3 object, not
     * an address, and a file only beside text in the same turn, under a name of its restricted alphabet that
     * no other file of the request has ({@code names}: those given so far).
     */
    private static List<ContentBlock> partBlocks(ChatMessage message, Set<String> names) {
        if (!message.documents().isEmpty() && message.content().isBlank()) {
            throw new IllegalArgumentException("Converse takes a file only with text in the same turn");
        }
        List<ContentBlock> blocks = new ArrayList<>();
        for (MessagePart part : message.parts()) {
            if (part instanceof MessagePart.Text text && !text.text().isBlank()) {
                blocks.add(ContentBlock.fromText(text.text()));
            } else if (part instanceof MessagePart.Image image) {
                ImageInput input = image.image();
                if (!input.isInline()) {
                    throw new IllegalArgumentException("Converse takes images inline only (a data: URL), not by address");
                }
                blocks.add(ContentBlock.fromImage(ImageBlock.builder()
                        .format(ImageFormat.fromValue(input.format()))
                        .source(ImageSource.fromBytes(SdkBytes.fromByteArrayUnsafe(input.bytes())))
                        .build()));
            } else if (part instanceof MessagePart.Document document) {
                blocks.add(ContentBlock.fromDocument(DocumentBlock.builder()
                        .format(DocumentFormat.PDF)
                        .name(ConverseDocumentNames.unique(document.document().filename(), names))
                        .source(DocumentSource.fromBytes(SdkBytes.fromByteArrayUnsafe(document.document().bytes())))
                        .build()));
            } else if (part instanceof MessagePart.Audio) {
                // Routing offers audio only to deployments with the audio capability, which Converse's cannot have.
                throw new IllegalArgumentException("Bedrock Converse takes no audio");
            }
        }
        return blocks;
    }

    /** Converse's limits on images and files, checked before a call it would refuse as the caller's fault. */
    private static void requireAttachmentsWithinLimits(List<ChatMessage> messages) {
        List<ImageInput> images = messages.stream().flatMap(m -> m.images().stream()).toList();
        if (images.size() > MAX_IMAGES) {
            throw new IllegalArgumentException("Converse takes at most " + MAX_IMAGES + " images in a request");
        }
        List<DocumentInput> documents = messages.stream().flatMap(m -> m.documents().stream()).toList();
        if (documents.size() > MAX_DOCUMENTS) {
            throw new IllegalArgumentException("Converse takes at most " + MAX_DOCUMENTS + " files in a request");
        }
        if (documents.stream().anyMatch(document -> document.byteCount() > MAX_DOCUMENT_BYTES)) {
            throw new IllegalArgumentException("Converse takes files of at most 4.5 MB");
        }
        for (ImageInput image : images) {
            if (image.isInline() && image.byteCount() > MAX_IMAGE_BYTES) {
                throw new IllegalArgumentException("Converse takes images of at most 3.75 MB");
            }
            if (image.longestSide() > MAX_SIDE) {
                throw new IllegalArgumentException("Converse takes images of at most " + MAX_SIDE + " pixels a side");
            }
        }
    }

    /**
     * {@code thinking}: Claude thinks, at its own temperature, which is then not sent; a top_p (0.95 or more,
     * as ClaudeThinking holds it) still is, with no temperature beside it.
     */
    private static InferenceConfiguration inference(ChatRequest request, boolean thinking) {
        InferenceConfiguration.Builder builder = InferenceConfiguration.builder().maxTokens(request.maxTokens());
        // Claude 4.7 and later refuse sampling parameters (as on Anthropic's API): they are left out.
        boolean sampling = !BedrockModels.isClaude(request.model()) || ClaudeVersions.takesSampling(request.model());
        Double temperature = thinking || !sampling ? null : request.temperature();
        if (temperature != null) {
            // Clamped, not refused, as for Anthropic: the top of each range means "most random", and a
            // refusal would be REJECTED, ending the chain for a request another candidate takes as it is.
            builder.temperature((float) Math.min(temperature, MAX_TEMPERATURE));
        }
        // Anthropic's models take one of temperature and top_p, on Bedrock too.
        Double topP = BedrockModels.isClaude(request.model()) ? request.options().topPBeside(temperature)
                : request.options().topP();
        if (sampling && topP != null) {
            builder.topP(topP.floatValue());
        }
        if (!request.options().stop().isEmpty()) {
            // Anthropic's models refuse a stop sequence of white space alone, on Bedrock too.
            builder.stopSequences(BedrockModels.isClaude(request.model())
                    ? GenerationOptions.requireVisible(request.options().stop(), "Anthropic's models on Bedrock")
                    : request.options().stop());
        }
        // No seed: Converse's inference configuration has none (as for Anthropic, the request goes without it).
        return builder.build();
    }

    /** Converse has no "none" choice: a request that forbids a call offers no tools at all. */
    private static boolean offersTools(ChatRequest request) {
        return !request.tools().isEmpty() && request.toolChoice().mode() != ToolChoice.Mode.NONE;
    }

    /** {@code cacheAfter}: a cache point follows the tools, the end of the prefix when there is no system prompt. */
    private static ToolConfiguration tools(ChatRequest request, boolean cacheAfter) {
        List<Tool> tools = new ArrayList<>();
        for (ToolDefinition tool : request.tools()) {
            ToolSpecification.Builder spec = ToolSpecification.builder()
                    .name(tool.name())
                    .inputSchema(ToolInputSchema.fromJson(
                            JsonDocuments.parse(tool.parametersJson(), "the parameters of tool " + tool.name())));
            // Converse refuses an empty description (at least one character), which MCP tools often have.
            if (tool.description() != null && !tool.description().isBlank()) {
                spec.description(tool.description());
            }
            if (tool.strict()) {
                spec.strict(true);
            }
            tools.add(Tool.fromToolSpec(spec.build()));
        }
        ToolConfiguration.Builder config = ToolConfiguration.builder()
                .tools(cacheAfter ? ConverseCachePoints.afterTools(tools) : tools);
        ToolChoice choice = request.toolChoice();
        // Converse's own ToolChoice type shares our name.
        if (choice.mode() == ToolChoice.Mode.REQUIRED) {
            config.toolChoice(b -> b.any(AnyToolChoice.builder().build()));
        } else if (choice.mode() == ToolChoice.Mode.FUNCTION) {
            config.toolChoice(b -> b.tool(SpecificToolChoice.builder().name(choice.function()).build()));
        }
        return config.build();
    }
}
