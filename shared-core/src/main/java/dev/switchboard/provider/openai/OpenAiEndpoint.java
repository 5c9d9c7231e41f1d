package dev.switchboard.provider.openai;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Where and how an OpenAI-style chat call is sent. OpenAI itself: {base}/v1/chat/completions with a
 * Bearer key. An OpenAI-compatible server: {base}/chat/completions (base as the server documents it,
 * e.g. http://127.0.0.1:11434/v1 for Ollama), or a full URL template with {model} for Azure-style
 * deployment paths; a URL carrying api-version gets Azure's api-key header instead of Bearer.
 *
 * @param maxTokensField the field a compatible server takes the answer's budget in, or null for max_tokens
 */
public record OpenAiEndpoint(String baseUrl, boolean compatible, String maxTokensField) {

    public static final String OPENAI_BASE_URL = "https://api.openai.com";
    static final String MODEL_PLACEHOLDER = "{model}";

    public OpenAiEndpoint {
        if (baseUrl == null || baseUrl.isBlank()) {
            if (compatible) {
                throw new IllegalArgumentException("an openai-compatible provider needs a base-url");
            }
            baseUrl = OPENAI_BASE_URL;
        }
        baseUrl = baseUrl.strip();
        URI.create(baseUrl.replace(MODEL_PLACEHOLDER, "m"));
    }

    /** An endpoint whose budget goes in the protocol's own field. */
    public OpenAiEndpoint(String baseUrl, boolean compatible) {
        this(baseUrl, compatible, null);
    }

    /** Whether the chat URL names the model (an Azure-style template); otherwise it is the same for every model. */
    public boolean chatUriPerModel() {
        return baseUrl.contains(MODEL_PLACEHOLDER);
    }

    public URI chatUri(String model) {
        if (chatUriPerModel()) {
            String segment = URLEncoder.encode(model, StandardCharsets.UTF_8).replace("+", "%20");
            return URI.create(baseUrl.replace(MODEL_PLACEHOLDER, segment));
        }
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        return URI.create(base + (compatible ? "" : "/v1") + "/chat/completions");
    }

    /** The header that carries a key: Azure-style URLs (api-version) use api-key, everything else Bearer. */
    public Map<String, String> authHeader(String key) {
        return baseUrl.contains("api-version=") ? Map.of("api-key", key) : Map.of("Authorization", "Bearer " + key);
    }

    /**
     * OpenAI's reasoning models refuse max_tokens, so OpenAI gets max_completion_tokens; compatible servers mostly
     * know only max_tokens, unless the configuration says otherwise (an Azure reasoning deployment).
     */
    public String budgetField() {
        if (!compatible) {
            return "max_completion_tokens";
        }
        return maxTokensField != null ? maxTokensField : "max_tokens";
    }

    /** OpenAI always needs a key; a local server (Ollama, llama.cpp) usually needs none. */
    public boolean keyRequired() {
        return !compatible;
    }
}
