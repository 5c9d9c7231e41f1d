package dev.switchboard.api;

import java.util.List;
import java.util.Map;

/**
 * 502: a provider refused the request as malformed, so no other deployment is tried. The message
 * names the deployment only: upstream error text can quote keys or prompts and stays in our logs.
 */
public final class ProviderRejectedException extends DeploymentsFailedException {

    public ProviderRejectedException(String deployment, List<String> tried) {
        super(502, "provider_rejected_request", deployment + " rejected the request", tried);
    }

    /**
     * The same request would be refused again, but OpenAI's SDKs resend any 5xx (twice by default), each
     * time routed, reserved and ledgered: this header, which they obey, tells them not to.
     */
    @Override
    public Map<String, String> headers() {
        return Map.of("x-should-retry", "false");
    }
}
