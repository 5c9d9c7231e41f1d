package dev.switchboard.service;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Top-level settings. {@code config} is the providers file (SWITCHBOARD_CONFIG); without it the
 * built-in simulated providers are used. {@code prices} is a full LiteLLM price file the user
 * supplies (SWITCHBOARD_PRICES); without it the built-in table for the default models is used.
 *
 * @param baselineModel the default strong model that savings are measured against
 */
@ConfigurationProperties("switchboard")
public record SwitchboardSettings(@Nullable String config,
                                  @Nullable String prices,
                                  @Bindable(defaultValue = "gpt-4o") String baselineModel) {
}
