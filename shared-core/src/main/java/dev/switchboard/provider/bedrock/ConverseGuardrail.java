package dev.switchboard.provider.bedrock;

import dev.switchboard.config.BedrockGuardrail;
import software.amazon.awssdk.services.bedrockruntime.model.GuardrailConfiguration;
import software.amazon.awssdk.services.bedrockruntime.model.GuardrailStreamConfiguration;

/**
 * The operator's Bedrock guardrail on a provider's Converse and ConverseStream requests. Bedrock checks the
 * prompt and the answer against it; when it intervenes the answer is the guardrail's own message with
 * stopReason guardrail_intervened (finish_reason content_filter). No trace is asked for: it would carry the
 * matched text of the prompt. A stream is checked as it goes (Bedrock's default, synchronous mode).
 */
final class ConverseGuardrail {

    private ConverseGuardrail() {
    }

    static GuardrailConfiguration converse(BedrockGuardrail guardrail) {
        return guardrail == null ? null : GuardrailConfiguration.builder()
                .guardrailIdentifier(guardrail.identifier()).guardrailVersion(guardrail.version()).build();
    }

    static GuardrailStreamConfiguration stream(BedrockGuardrail guardrail) {
        return guardrail == null ? null : GuardrailStreamConfiguration.builder()
                .guardrailIdentifier(guardrail.identifier()).guardrailVersion(guardrail.version()).build();
    }
}
