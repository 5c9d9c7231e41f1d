package dev.switchboard.provider;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which Claude thinks adaptively and which takes sampling parameters, read from its name as Anthropic and Bedrock write it. */
class ClaudeVersionsTest {

    @ParameterizedTest
    @ValueSource(strings = {"claude-opus-4-6", "claude-sonnet-4-6", "claude-opus-4-7", "claude-opus-4-8",
            "claude-mythos-preview", "claude-fable-5", "claude-opus-5", "anthropic.claude-opus-4-6-v1",
            "us.anthropic.claude-opus-4-7", "global.anthropic.claude-sonnet-4-6", "anthropic.claude-mythos-5",
            "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-opus-4-7"})
    void claude46AndLaterThinkAdaptively(String model) {
        assertTrue(ClaudeVersions.thinksAdaptively(model));
    }

    @ParameterizedTest
    @ValueSource(strings = {"claude-sonnet-4-5", "claude-sonnet-4-5-20250929", "claude-opus-4-20250514",
            "claude-opus-4-1-20250805", "claude-haiku-4-5-20251001", "claude-3-7-sonnet-20250219",
            "claude-3-5-haiku-20241022", "anthropic.claude-sonnet-4-5-20250929-v1:0",
            "us.anthropic.claude-3-7-sonnet-20250219-v1:0"})
    void earlierClaudesThinkOnABudget(String model) {
        assertFalse(ClaudeVersions.thinksAdaptively(model));
        assertTrue(ClaudeVersions.takesSampling(model));
    }

    @ParameterizedTest
    @ValueSource(strings = {"claude-opus-4-7", "us.anthropic.claude-opus-4-7", "claude-opus-4-8", "claude-fable-5",
            "anthropic.claude-mythos-5", "claude-mythos-preview"})
    void claude47AndLaterTakeNoSamplingParameters(String model) {
        assertFalse(ClaudeVersions.takesSampling(model));
    }

    @ParameterizedTest
    @ValueSource(strings = {"claude-opus-4-6", "claude-sonnet-4-6", "anthropic.claude-opus-4-6-v1"})
    void claude46StillTakesThem(String model) {
        assertTrue(ClaudeVersions.takesSampling(model));
    }
}
