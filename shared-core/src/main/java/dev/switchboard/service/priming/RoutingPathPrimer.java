package dev.switchboard.service.priming;

import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Context;
import jakarta.inject.Inject;
import org.crac.Core;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;

/**
 * Warms the routing path just before a CRaC checkpoint (Lambda SnapStart takes one when it snapshots a
 * published version): the snapshot then holds the path's loaded and initialised classes, the token
 * vocabulary and the JSON introspections, so the first request after a restore does not pay for them.
 * Registered at start-up; the work runs only at checkpoint time, never on a plain start, and does no I/O
 * (see {@link PrimingWorkload}).
 */
@Context
public class RoutingPathPrimer implements Resource {

    private static final Logger LOG = LoggerFactory.getLogger(RoutingPathPrimer.class);

    private final BeanProvider<PrimingWorkload> workload;
    private volatile PrimingReport lastReport;

    /** CRaC holds its resources weakly: this bean, held by the application context, keeps itself alive. */
    @Inject
    public RoutingPathPrimer(BeanProvider<PrimingWorkload> workload) {
        this(workload, Core.getGlobalContext());
    }

    RoutingPathPrimer(BeanProvider<PrimingWorkload> workload, org.crac.Context<Resource> context) {
        this.workload = workload;
        context.register(this);
    }

    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
        long started = System.nanoTime();
        PrimingReport report = workload.get().run();
        lastReport = report;
        LOG.info("routing path primed before the checkpoint in {} ms: {} decisions, {} JSON types, {} provider "
                + "mappings", (System.nanoTime() - started) / 1_000_000, report.decisions(), report.jsonTypes(),
                report.providerMappings());
    }

    /** Nothing to renew: priming opens no connection and holds no resource that a restore invalidates. */
    @Override
    public void afterRestore(org.crac.Context<? extends Resource> context) {
        // Intentionally empty (see above).
    }

    /** What the last checkpoint's priming did; empty until a checkpoint has been taken. */
    public Optional<PrimingReport> lastReport() {
        return Optional.ofNullable(lastReport);
    }
}
