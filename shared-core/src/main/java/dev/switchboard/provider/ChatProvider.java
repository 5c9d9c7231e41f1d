package dev.switchboard.provider;

/** The port every provider adapter implements: one configured provider, speaking its own protocol. */
public interface ChatProvider {

    /** The provider's configured name, as reported in responses. */
    String name();

    /** The wire protocol this adapter speaks (openai, anthropic, gemini, ..., simulated). */
    String protocol();

    ChatResponse complete(ChatRequest request);
}
