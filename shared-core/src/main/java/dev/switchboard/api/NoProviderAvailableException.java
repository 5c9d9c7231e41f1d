package dev.switchboard.api;

import java.util.List;

/** 503: every candidate the decision ranked was tried and none answered. */
public final class NoProviderAvailableException extends DeploymentsFailedException {

    public NoProviderAvailableException(List<String> tried) {
        super(503, "no_provider_available",
                tried.isEmpty()
                        ? "No provider deployment is configured for this request"
                        : "No provider could answer; tried " + String.join(", ", tried),
                tried);
    }
}
