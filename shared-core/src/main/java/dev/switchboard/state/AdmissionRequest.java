package dev.switchboard.state;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What one provider call asks to reserve before it is made.
 *
 * @param deployment       the deployment called (its per-minute window is checked when it has limits)
 * @param deploymentLimits the deployment's RPM / TPM
 * @param keyId            the virtual key's id (never the key itself); null for anonymous requests
 * @param keyLimits        the key's RPM / TPM; ignored without a key
 * @param principal        whose budget pays ("anonymous" when authentication is off)
 * @param budget           the principal's caps ({@link BudgetCaps#orDefault} gives seed 002's default)
 * @param estimatedTokens  prompt tokens plus the most the answer may use
 * @param maxCostUsd       the most the call can cost: what the budget holds back until reconcile
 */
public record AdmissionRequest(String deployment, RateLimits deploymentLimits, String keyId, RateLimits keyLimits,
                               String principal, BudgetCaps budget, long estimatedTokens, BigDecimal maxCostUsd) {

    public AdmissionRequest {
        requireName(deployment, "deployment");
        requireName(principal, "principal");
        Objects.requireNonNull(deploymentLimits, "deploymentLimits");
        Objects.requireNonNull(budget, "budget");
        Objects.requireNonNull(maxCostUsd, "maxCostUsd");
        keyLimits = keyLimits == null ? RateLimits.NONE : keyLimits;
        if (keyId != null) {
            requireName(keyId, "keyId");
        }
        if (estimatedTokens < 0) {
            throw new IllegalArgumentException("estimatedTokens must not be negative");
        }
        if (maxCostUsd.signum() < 0) {
            throw new IllegalArgumentException("maxCostUsd must not be negative");
        }
    }

    /** True when the key's own window is checked: there is a key and it has a limit. */
    public boolean keyLimited() {
        return keyId != null && keyLimits.any();
    }

    private static void requireName(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
    }
}
