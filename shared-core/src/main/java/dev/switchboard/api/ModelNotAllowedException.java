package dev.switchboard.api;

import java.util.List;

/**
 * 403 {@code model_not_allowed}: a chat completion pinned to a configured model that the caller's virtual key may
 * not use (none of its deployments is among the key's models). OpenAI's SDKs raise their permission error for a 403.
 */
public final class ModelNotAllowedException extends ApiException {

    /** @param pinnable the models the key may pin, none when every one it names has left the configuration */
    public ModelNotAllowedException(String model, List<String> pinnable) {
        super(403, "model_not_allowed", "This key may not use model '" + model + "'; "
                + (pinnable.isEmpty() ? "none of the models it may use is configured now"
                : "it may use " + String.join(", ", pinnable) + ", or \"auto\" to route among them"), "model");
    }
}
