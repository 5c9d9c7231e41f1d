package dev.switchboard.api;

/**
 * 422: deployments are configured, but every one fails a constraint of this request (its context
 * window, a capability, the cost budget, the SLA target, or the allow / deny lists). The message
 * names each deployment and why it was left out.
 */
public final class NoEligibleDeploymentException extends ApiException {

    public NoEligibleDeploymentException(String message) {
        super(422, "no_eligible_deployment", message, null);
    }
}
