package dev.switchboard.provider.bedrock;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a Bedrock model id says: a Claude model, a prompt cache, a cache point among the tools. */
class BedrockModelsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "anthropic.claude-3-5-haiku-20241022-v1:0                    | true  | true  | true",
            "us.anthropic.claude-3-7-sonnet-20250219-v1:0                | true  | true  | true",
            "global.anthropic.claude-sonnet-4-5-20250929-v1:0            | true  | true  | true",
            "eu.anthropic.claude-opus-4-1-20250805-v1:0                  | true  | true  | true",
            "anthropic.claude-haiku-4-5-20251001-v1:0                    | true  | true  | true",
            "anthropic.claude-sonnet-5-v1:0                              | true  | true  | true",
            "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-sonnet-4-20250514-v1:0 | true | true | true",
            "anthropic.claude-3-haiku-20240307-v1:0                      | true  | false | false",
            "anthropic.claude-3-5-sonnet-20241022-v2:0                   | true  | false | false",
            "us.amazon.nova-pro-v1:0                                     | false | true  | false",
            "amazon.nova-2-lite-v1:0                                     | false | true  | false",
            "meta.llama3-1-70b-instruct-v1:0                             | false | false | false",
            "arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/a1b2c3 | false | false | false"})
    void readsWhatTheIdSays(String modelId, boolean claude, boolean caches, boolean cachesTools) {
        assertEquals(claude, BedrockModels.isClaude(modelId), "isClaude");
        assertEquals(caches, BedrockModels.cachesPrompts(modelId), "cachesPrompts");
        assertEquals(cachesTools, BedrockModels.cachesTools(modelId), "cachesTools");
    }
}
