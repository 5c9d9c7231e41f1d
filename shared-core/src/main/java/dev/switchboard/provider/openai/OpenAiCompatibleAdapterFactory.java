package dev.switchboard.provider.openai;

import dev.switchboard.provider.http.HttpAdapterSupport;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

/**
 * Providers declared with protocol "openai-compatible": Ollama, vLLM, llama.cpp server, Azure-style
 * deployment URLs, any server at any base-url that speaks Chat Completions. A key is sent when one
 * is configured and not required otherwise.
 */
@Singleton
public final class OpenAiCompatibleAdapterFactory extends ChatCompletionsAdapterFactory {

    public static final String PROTOCOL = "openai-compatible";

    public OpenAiCompatibleAdapterFactory(HttpAdapterSupport support, JsonMapper json) {
        super(PROTOCOL, true, support, json);
    }
}
