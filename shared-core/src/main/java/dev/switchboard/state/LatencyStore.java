package dev.switchboard.state;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;

/**
 * Latency and success of the calls to each deployment ({@code provider/model}), shared by every
 * function instance. Recording is one atomic add into a time bucket, so concurrent writers lose
 * nothing and nobody rewrites a shared item read-modify-write; statistics are computed when read.
 *
 * <p>What the numbers mean: successes and calls cover every recorded call in the window; mean, EMA
 * and percentiles cover the successful calls only, because a failed call's duration is the time to
 * fail (a fast 401, a capped timeout), not the deployment's service time; failures show in the
 * success rate instead. The window is {@link LatencySettings#window()} rounded up to whole buckets.
 *
 * <p>How to use it: the router reads {@link #snapshot} and caches it in-process for a few seconds
 * (5 s is plenty: buckets are a minute wide, so fresher reads barely move the figures). Both
 * operations throw {@link StateUnavailableException} when the store cannot be reached; that should
 * fail open: a record that cannot be written is dropped and counted, and routing goes on with the
 * last snapshot it holds (or unknown signals, which score as neutral). Latency is advice, never a
 * reason to refuse a request.
 */
public interface LatencyStore {

    /**
     * Records one call to {@code deployment} that took {@code latency} and ended at {@code at}
     * (whose time bucket it is counted in).
     */
    void record(String deployment, Duration latency, boolean success, Instant at);

    /** The statistics of each of {@code deployments} over the window ending now (by the store's clock). */
    LatencySnapshot snapshot(Collection<String> deployments);
}
