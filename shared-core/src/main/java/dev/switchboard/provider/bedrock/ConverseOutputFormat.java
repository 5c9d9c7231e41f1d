package dev.switchboard.provider.bedrock;

import dev.switchboard.provider.ResponseFormat;
import software.amazon.awssdk.services.bedrockruntime.model.JsonSchemaDefinition;
import software.amazon.awssdk.services.bedrockruntime.model.OutputConfig;
import software.amazon.awssdk.services.bedrockruntime.model.OutputFormat;
import software.amazon.awssdk.services.bedrockruntime.model.OutputFormatStructure;
import software.amazon.awssdk.services.bedrockruntime.model.OutputFormatType;

import java.util.Optional;

/**
 * A JSON answer asked of Converse: its structured outputs ({@code outputConfig.textFormat}), which hold the
 * answer to a JSON schema. Converse takes the schema as text, with the name and description beside it.
 */
final class ConverseOutputFormat {

    private ConverseOutputFormat() {
    }

    /**
     * The output configuration for {@code format}; empty for a text answer.
     *
     * @throws IllegalArgumentException for JSON without a schema ({@code json_object}, or a json_schema that
     *                                  gives none), for which Converse has no mode: another deployment may take it
     */
    static Optional<OutputConfig> of(ResponseFormat format) {
        if (!format.json()) {
            return Optional.empty();
        }
        if (format.schemaJson() == null) {
            throw new IllegalArgumentException("Bedrock Converse holds JSON answers to a schema and has no mode for "
                    + "JSON without one");
        }
        JsonSchemaDefinition.Builder schema = JsonSchemaDefinition.builder()
                .name(format.schemaName())
                .schema(format.schemaJson());
        if (format.description() != null) {
            schema.description(format.description());
        }
        return Optional.of(OutputConfig.builder().textFormat(OutputFormat.builder()
                .type(OutputFormatType.JSON_SCHEMA)
                .structure(OutputFormatStructure.fromJsonSchema(schema.build()))
                .build()).build());
    }
}
