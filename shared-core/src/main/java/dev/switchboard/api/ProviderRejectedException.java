package dev.switchboard.api;

import java.util.List;

/**
 * 502: a provider refused the request as malformed, so no other deployment is tried. The message
 * names the deployment only: upstream error text can quote keys or prompts and stays in our logs.
 */
public final class ProviderRejectedException extends DeploymentsFailedException {

    public ProviderRejectedException(String deployment, List<String> tried) {
        super(502, "provider_rejected_request", deployment + " rejected the request", tried);
    }
}
