package dev.switchboard.api;

/**
 * 404 {@code model_not_found}: a chat completion pinned to a model no deployment serves. OpenAI answers
 * an unknown model the same way, so its SDKs raise their not-found error for it.
 */
public final class ModelNotFoundException extends ApiException {

    public ModelNotFoundException(String model) {
        super(404, "model_not_found", "'model' must be \"auto\" or a configured model; '" + model
                + "' is not configured", "model");
    }
}
