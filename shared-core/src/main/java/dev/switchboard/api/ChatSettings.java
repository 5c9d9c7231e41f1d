package dev.switchboard.api;

import dev.switchboard.config.ConfigurationError;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * switchboard.chat.* (SWITCHBOARD_CHAT_DEFAULT_MAX_TOKENS), validated at start-up.
 *
 * @param defaultMaxTokens the answer budget of a chat completion that sets none (OpenAI's clients mostly
 *                         do not): sent to the provider, within the model's longest answer when that is
 *                         known, and reserved against limits and budgets. Anthropic and Bedrock need a
 *                         number; an open-ended budget could not be reserved.
 */
// @Context: built at start-up, so a bad value stops the application rather than its first request.
@Context
@ConfigurationProperties("switchboard.chat")
public record ChatSettings(@Bindable(defaultValue = "4096") int defaultMaxTokens) {

    public static final int DEFAULT_MAX_TOKENS = 4096;
    public static final ChatSettings DEFAULTS = new ChatSettings(DEFAULT_MAX_TOKENS);

    public ChatSettings {
        if (defaultMaxTokens < 1 || defaultMaxTokens > ChatCompletionRequest.MAX_MAX_TOKENS) {
            throw new ConfigurationError(ConfigurationError.setting("switchboard.chat.default-max-tokens")
                    + " must be between 1 and " + ChatCompletionRequest.MAX_MAX_TOKENS + ": " + defaultMaxTokens);
        }
    }
}
