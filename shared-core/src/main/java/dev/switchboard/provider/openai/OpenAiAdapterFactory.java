package dev.switchboard.provider.openai;

import dev.switchboard.provider.http.HttpAdapterSupport;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

/** Providers declared with protocol "openai": OpenAI's Chat Completions, api.openai.com unless base-url says otherwise. */
@Singleton
public final class OpenAiAdapterFactory extends ChatCompletionsAdapterFactory {

    public static final String PROTOCOL = "openai";

    public OpenAiAdapterFactory(HttpAdapterSupport support, JsonMapper json) {
        super(PROTOCOL, false, support, json);
    }
}
