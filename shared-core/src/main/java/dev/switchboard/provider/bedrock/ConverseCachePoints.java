package dev.switchboard.provider.bedrock;

import software.amazon.awssdk.services.bedrockruntime.model.CachePointBlock;
import software.amazon.awssdk.services.bedrockruntime.model.CachePointType;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.SystemContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.Tool;

import java.util.ArrayList;
import java.util.List;

/**
 * Bedrock's prompt cache (on the models {@link BedrockModels#cachesPrompts} names) caches only up to the cache
 * points a Converse request carries. With the operator's {@code prompt-caching: true} they go where Anthropic's
 * API takes its marks (see the Anthropic adapter): after the system blocks (or, for Claude, which takes one
 * there, after the tools when there is no system prompt), after the previous user turn, and after the last
 * turn. AWS creates a checkpoint only once the prefix before it reaches the model's least cacheable length.
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

    /**
     * The turns with a cache point after the last one's content, which the conversation's next request reads
     * up to, and one after the user turn before it, where the previous request put its last point: Bedrock
     * looks for an earlier entry only some 20 blocks back from a point, and an agent's turn of many tool calls
     * and results would otherwise miss it.
     */
    static List<Message> afterTurns(List<Message> messages) {
        List<Message> marked = new ArrayList<>(messages);
        int last = marked.size() - 1;
        markAfter(marked, last);
        for (int i = last - 1; i >= 0; i--) {
            if (marked.get(i).role() == ConversationRole.USER) {
                markAfter(marked, i);
                break;
            }
        }
        return marked;
    }

    private static void markAfter(List<Message> messages, int index) {
        Message turn = messages.get(index);
        List<ContentBlock> content = new ArrayList<>(turn.content());
        content.add(ContentBlock.fromCachePoint(POINT));
        messages.set(index, turn.toBuilder().content(content).build());
    }
}
