package dev.switchboard.function.healthprobe;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import dev.switchboard.api.ProbeReport;
import dev.switchboard.service.LedgerPurger;
import dev.switchboard.service.LedgerRollups;
import dev.switchboard.service.ProbeService;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The Lambda handler for the EventBridge schedule: probe every deployment once per event, within the
 * time the invocation has left (what cannot be probed in time is reported skipped, not lost with the
 * whole report when the function's timeout strikes); then, in the time left, delete the ledger's rows
 * past its retention, if it has one, and roll up past days ahead of the analytics.
 * Handler string: dev.switchboard.function.healthprobe.HealthProbeHandler.
 */
public class HealthProbeHandler extends MicronautRequestHandler<ScheduledEvent, ProbeReport> {

    /** Kept back from the invocation's time: the report's metrics and the answer itself. */
    static final Duration KEPT_BACK = Duration.ofSeconds(2);

    @Inject
    ProbeService probes;

    @Inject
    LedgerPurger purger;

    @Inject
    LedgerRollups rollups;

    @Inject
    Clock clock;

    public HealthProbeHandler() {
        super();
    }

    /** For tests: run inside an application context the caller built and owns. */
    public HealthProbeHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    public ProbeReport execute(ScheduledEvent event) {
        // The runtime registers each invocation's Context before execute runs; a test may have none.
        Instant finishBy = getApplicationContext().findBean(Context.class)
                .map(c -> clock.instant().plusMillis(c.getRemainingTimeInMillis()).minus(KEPT_BACK))
                .orElse(null);
        ProbeReport report = probes.probeAll(finishBy);
        purger.purge(finishBy);
        rollups.rollBehind(finishBy);
        return report;
    }
}
