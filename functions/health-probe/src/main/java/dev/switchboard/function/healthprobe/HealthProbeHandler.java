package dev.switchboard.function.healthprobe;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import dev.switchboard.api.ProbeReport;
import dev.switchboard.service.ProbeService;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;

/**
 * The Lambda handler for the EventBridge schedule: probe every deployment once per event.
 * Handler string: dev.switchboard.function.healthprobe.HealthProbeHandler.
 */
public class HealthProbeHandler extends MicronautRequestHandler<ScheduledEvent, ProbeReport> {

    @Inject
    ProbeService probes;

    public HealthProbeHandler() {
        super();
    }

    /** For tests: run inside an application context the caller built and owns. */
    public HealthProbeHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    public ProbeReport execute(ScheduledEvent event) {
        return probes.probeAll();
    }
}
