package dev.switchboard.provider.bedrock;

import software.amazon.awssdk.services.bedrockruntime.model.CachePointBlock;
import software.amazon.awssdk.services.bedrockruntime.model.CachePointType;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.SystemContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.Tool;

import java.util.ArrayList;
import java.util.List;

/**
 * Bedrock's prompt cache (Claude's and Nova's models) caches only up to the cache points a Converse request
 * carries. With the operator's {@code prompt-caching: true} two go in, where Anthropic's API takes its marks
 * (see the Anthropic adapter): after the system blocks (or after the tools when there is no system prompt),
 * and after the last turn's content. AWS creates a checkpoint only once the prefix before it reaches the
 * model's least cacheable length.
 */
final class ConverseCachePoints {

    /** The default (five-minute) cache. */
    private static final CachePointBlock POINT = CachePointBlock.builder().type(CachePointType.DEFAULT).build();

    private ConverseCachePoints() {
    }

    /** The system blocks with a cache point after them; none when there is no system prompt. */
    static List<SystemContentBlock> afterSystem(List<SystemContentBlock> system) {
        if (system.isEmpty()) {
            return system;
        }
        List<SystemContentBlock> marked = new ArrayList<>(system);
        marked.add(SystemContentBlock.fromCachePoint(POINT));
        return marked;
    }

    /** The tools with a cache point after them. */
    static List<Tool> afterTools(List<Tool> tools) {
        List<Tool> marked = new ArrayList<>(tools);
        marked.add(Tool.fromCachePoint(POINT));
        return marked;
    }

    /** The turns, the last one's content followed by a cache point. */
    static List<Message> afterLastTurn(List<Message> messages) {
        List<Message> marked = new ArrayList<>(messages);
        Message last = marked.get(marked.size() - 1);
        List<ContentBlock> content = new ArrayList<>(last.content());
        content.add(ContentBlock.fromCachePoint(POINT));
        marked.set(marked.size() - 1, last.toBuilder().content(content).build());
        return marked;
    }
}
