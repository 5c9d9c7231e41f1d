package dev.switchboard.resilience;

/** A deployment's circuit breaker as routing and metrics see it, without resilience4j's types. */
public enum BreakerState {
    /** Calls go through; failures are being counted. */
    CLOSED,
    /** Calls are refused until the recovery time has passed. */
    OPEN,
    /** One trial call decides: success closes the breaker, a failure opens it again. */
    HALF_OPEN
}
