package dev.switchboard.provider.anthropic;

import dev.switchboard.provider.ProviderException;
import dev.switchboard.provider.ToolCall;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

import static dev.switchboard.provider.anthropic.AnthropicJson.object;
import static dev.switchboard.provider.anthropic.AnthropicJson.string;

/**
 * The tool_use blocks of one stream, by content block index: id and name from content_block_start,
 * the input from the partial_json pieces of its input_json_delta events, joined in order. A block
 * that streamed no pieces keeps the input it started with (an empty object).
 */
final class AnthropicToolBlocks {

    private final String provider;
    private final JsonMapper json;
    private final TreeMap<Integer, Block> blocks = new TreeMap<>();

    AnthropicToolBlocks(String provider, JsonMapper json) {
        this.provider = provider;
        this.json = json;
    }

    void start(int index, JsonNode block) {
        String id = string(block, "id");
        String name = string(block, "name");
        if (id == null || name == null) {
            throw malformed("streamed a tool_use block without an id or a name");
        }
        blocks.put(index, new Block(id, name, initialInput(object(block, "input"))));
    }

    void append(int index, String partialJson) {
        Block block = blocks.get(index);
        if (block == null) {
            throw malformed("streamed tool input for a block that is not a tool call");
        }
        if (partialJson != null) {
            block.pieces.append(partialJson);
        }
    }

    /** The tool calls in block order. */
    List<ToolCall> assemble() {
        List<ToolCall> calls = new ArrayList<>(blocks.size());
        for (Block block : blocks.values()) {
            String input = block.pieces.isEmpty() ? block.initialInput : block.pieces.toString();
            calls.add(new ToolCall(block.id, block.name, input));
        }
        return calls;
    }

    private String initialInput(JsonNode input) {
        if (input == null || !input.isObject()) {
            return "{}";
        }
        try {
            return json.writeValueAsString(input);
        } catch (IOException e) {
            throw malformed("streamed a tool_use block whose input cannot be written back as JSON");
        }
    }

    private ProviderException malformed(String what) {
        return new ProviderException(provider, ProviderException.Kind.UNAVAILABLE, provider + " " + what);
    }

    private static final class Block {
        private final String id;
        private final String name;
        private final String initialInput;
        private final StringBuilder pieces = new StringBuilder();

        private Block(String id, String name, String initialInput) {
            this.id = id;
            this.name = name;
            this.initialInput = initialInput;
        }
    }
}
