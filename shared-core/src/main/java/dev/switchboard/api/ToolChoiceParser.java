package dev.switchboard.api;

import dev.switchboard.provider.ToolChoice;
import dev.switchboard.provider.ToolDefinition;
import io.micronaut.json.tree.JsonNode;

import java.util.List;

/**
 * OpenAI's {@code tool_choice}: "auto" (the default), "none", "required", or
 * {"type": "function", "function": {"name": ...}} naming one of the request's tools. As OpenAI does,
 * a call can be asked for only when the request has tools.
 */
final class ToolChoiceParser {

    private static final String FIELD = "tool_choice";

    private ToolChoiceParser() {
    }

    static ToolChoice parse(JsonNode node, List<ToolDefinition> tools) {
        if (node == null || node.isNull()) {
            return ToolChoice.AUTO;
        }
        ToolChoice choice = node.isString() ? word(node.getStringValue()) : named(node, tools);
        boolean asksForACall = choice.mode() == ToolChoice.Mode.REQUIRED || choice.mode() == ToolChoice.Mode.FUNCTION;
        if (tools.isEmpty() && asksForACall) {
            throw new InvalidRequestException(FIELD, "'tool_choice' asks for a tool call, but 'tools' is empty");
        }
        return choice;
    }

    private static ToolChoice word(String value) {
        return switch (value) {
            case "auto" -> ToolChoice.AUTO;
            case "none" -> ToolChoice.NONE;
            case "required" -> ToolChoice.REQUIRED;
            default -> throw new InvalidRequestException(FIELD,
                    "'tool_choice' must be \"auto\", \"none\", \"required\" or {\"type\": \"function\", \"function\": "
                            + "{\"name\": ...}}");
        };
    }

    private static ToolChoice named(JsonNode node, List<ToolDefinition> tools) {
        JsonNode type = node.isObject() ? node.get("type") : null;
        JsonNode function = node.isObject() ? node.get("function") : null;
        JsonNode name = function != null && function.isObject() ? function.get("name") : null;
        if (type == null || !type.isString() || !type.getStringValue().equals("function") || name == null
                || !name.isString() || name.getStringValue().isBlank()) {
            throw new InvalidRequestException(FIELD, "'tool_choice' as an object must be {\"type\": \"function\", "
                    + "\"function\": {\"name\": ...}}");
        }
        String named = name.getStringValue();
        if (tools.stream().noneMatch(tool -> tool.name().equals(named))) {
            throw new InvalidRequestException(FIELD, "'tool_choice' names a function that is not among 'tools'");
        }
        return ToolChoice.function(named);
    }
}
