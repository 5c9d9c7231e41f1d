package dev.switchboard.service.priming;

/** Made-up answers in the wire shapes of POST /complete and POST /v1/chat/completions, for priming. */
final class ResponseSamples {

    static final String COMPLETE = """
            {"response":"Paris.","provider":"primer","model":"primer-model","strategy_used":"complexity",
             "confidence":"high","tokens_in":7,"tokens_out":2,"cost":0.0,"total_cost_today":0.0,
             "cache_hit":false}""";

    static final String CHAT_COMPLETION = """
            {"id":"chatcmpl-primer","object":"chat.completion","created":0,"model":"primer-model",
             "choices":[{"index":0,"message":{"role":"assistant","content":"Paris."},"finish_reason":"stop"}],
             "usage":{"prompt_tokens":7,"completion_tokens":2,"total_tokens":9}}""";

    private ResponseSamples() {
    }
}
