package dev.switchboard.config;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A Bedrock guardrail every request of a provider goes through (Converse's guardrailConfig): its identifier
 * (the id, or its ARN) and version (a number, or DRAFT), in the forms Bedrock's API reference gives.
 */
public record BedrockGuardrail(String identifier, String version) {

    static final Pattern IDENTIFIER = Pattern.compile(
            "[a-z0-9]+|arn:aws(-[a-z-]+)?:bedrock:[a-z0-9-]{1,20}:[0-9]{12}:guardrail/[a-z0-9]+");
    static final Pattern VERSION = Pattern.compile("[1-9][0-9]{0,7}|DRAFT");

    /**
     * How GET /providers shows it, to every key holder: the guardrail's id and version ("gr7x2k9q4m1p:3"),
     * without the account number an ARN would carry.
     */
    public String shown() {
        return identifier.substring(identifier.lastIndexOf('/') + 1) + ":" + version;
    }

    public BedrockGuardrail {
        Objects.requireNonNull(identifier, "identifier");
        Objects.requireNonNull(version, "version");
        if (!IDENTIFIER.matcher(identifier).matches()) {
            throw new IllegalArgumentException("a guardrail id is its lower-case id or its ARN");
        }
        if (!VERSION.matcher(version).matches()) {
            throw new IllegalArgumentException("a guardrail version is a number from 1, or DRAFT");
        }
    }
}
