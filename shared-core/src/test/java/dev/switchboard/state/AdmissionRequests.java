package dev.switchboard.state;

import java.math.BigDecimal;

/** Builds admission requests for tests: a deployment, optionally a key, a principal and the amounts. */
public final class AdmissionRequests {

    private String deployment = "deployment";
    private RateLimits deploymentLimits = RateLimits.NONE;
    private String keyId;
    private RateLimits keyLimits = RateLimits.NONE;
    private String principal = "anonymous";
    private BudgetCaps budget = BudgetCaps.DEFAULT;
    private long tokens = 100;
    private BigDecimal maxCost = new BigDecimal("0.01");

    public static AdmissionRequests to(String deployment, RateLimits limits) {
        AdmissionRequests r = new AdmissionRequests();
        r.deployment = deployment;
        r.deploymentLimits = limits;
        return r;
    }

    public AdmissionRequests key(String id, RateLimits limits) {
        keyId = id;
        keyLimits = limits;
        return this;
    }

    public AdmissionRequests by(String principal, BudgetCaps budget) {
        this.principal = principal;
        this.budget = budget;
        return this;
    }

    public AdmissionRequests tokens(long tokens) {
        this.tokens = tokens;
        return this;
    }

    public AdmissionRequests maxCost(String usd) {
        this.maxCost = new BigDecimal(usd);
        return this;
    }

    public AdmissionRequest build() {
        return new AdmissionRequest(deployment, deploymentLimits, keyId, keyLimits, principal, budget, tokens, maxCost);
    }
}
