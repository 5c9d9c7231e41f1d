package dev.switchboard.service;

import dev.switchboard.api.ApiException;
import dev.switchboard.api.NoEligibleDeploymentException;
import dev.switchboard.routing.RoutingDecision;
import dev.switchboard.state.CacheKey;
import dev.switchboard.state.StateLookup;

import java.util.function.Function;

/**
 * A request's decision, and whether only the response cache can answer it. Live signals can leave no deployment
 * to call (an SLA target that every deployment's measured latency misses, or that none has answered lately) where
 * configuration would leave some; a cached answer comes at once and meets any target, so such a request is still
 * looked up, on the decision configuration makes, and gets its 422 only when the cache has nothing for it.
 *
 * @param decision   the decision on live signals, or on configuration alone when {@code unroutable} is set
 * @param unroutable what live routing threw, to be thrown unless the cache answers; null when it routed
 */
record CacheOnlyRoute(RoutingDecision decision, NoEligibleDeploymentException unroutable) {

    /** Decides on live signals; when they leave nothing and the request has a cache key, on configuration. */
    static CacheOnlyRoute decide(CacheKey cacheKey, Function<DecisionService.Signals, RoutingDecision> decide) {
        try {
            return new CacheOnlyRoute(decide.apply(DecisionService.Signals.LIVE), null);
        } catch (NoEligibleDeploymentException live) {
            if (cacheKey == null) {
                throw live;
            }
            try {
                return new CacheOnlyRoute(decide.apply(DecisionService.Signals.CONFIGURED), live);
            } catch (ApiException configured) {
                throw live; // configuration leaves nothing either: the cache cannot hold an answer to this
            }
        }
    }

    /** Throws what live routing threw when only the cache could answer and {@code lookup} found nothing there. */
    void requireHitIfUnroutable(StateLookup lookup) {
        if (unroutable != null && (lookup == null || lookup.cached() == null)) {
            throw unroutable;
        }
    }
}
