package dev.switchboard.provider.bedrock;

import dev.switchboard.provider.Usage;
import software.amazon.awssdk.services.bedrockruntime.model.TokenUsage;

/**
 * Converse's token usage in the unified model. Bedrock reports cache reads and cache writes apart
 * from inputTokens, while the unified model counts every prompt token in the input (cached ones
 * included), so both are added back; cache reads are the unified cached tokens and cache writes its
 * cache-write tokens, so that each is priced at its own rate.
 */
final class BedrockUsage {

    private BedrockUsage() {
    }

    /** The usage, or null when none (or no usable counts) was reported. */
    static Usage of(TokenUsage usage) {
        if (usage == null || !isCount(usage.inputTokens()) || !isCount(usage.outputTokens())) {
            return null;
        }
        int read = countOrZero(usage.cacheReadInputTokens());
        int written = countOrZero(usage.cacheWriteInputTokens());
        return new Usage(usage.inputTokens() + read + written, usage.outputTokens(), 0, read, written);
    }

    private static int countOrZero(Integer value) {
        return isCount(value) ? value : 0;
    }

    private static boolean isCount(Integer value) {
        return value != null && value >= 0;
    }
}
