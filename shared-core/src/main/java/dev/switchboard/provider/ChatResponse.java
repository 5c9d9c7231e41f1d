package dev.switchboard.provider;

/** A provider's answer in the unified model. */
public record ChatResponse(String text, String model, Usage usage, String finishReason) {
}
