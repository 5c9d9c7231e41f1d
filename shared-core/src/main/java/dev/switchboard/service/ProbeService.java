package dev.switchboard.service;

import dev.switchboard.api.ProbeReport;
import dev.switchboard.config.DeploymentConfig;
import dev.switchboard.config.ProviderCatalog;
import dev.switchboard.config.ProviderConfig;
import dev.switchboard.observability.MetricsSink;
import dev.switchboard.observability.ProbeMetrics;
import dev.switchboard.provider.ChatProvider;
import dev.switchboard.provider.ProviderException;
import dev.switchboard.provider.ProviderRegistry;
import dev.switchboard.provider.Sleeper;
import dev.switchboard.resilience.Attempt;
import dev.switchboard.resilience.ResilienceSettings;
import dev.switchboard.resilience.RetryPolicy;
import dev.switchboard.state.CircuitRecord;
import dev.switchboard.state.CircuitState;
import dev.switchboard.state.HealthStore;
import dev.switchboard.state.StateUnavailableException;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The scheduled health probe: one minimal call per configured deployment, a few at a time, each
 * given at most the probe timeout, retries included. Each result may move the shared circuit: a
 * breaker-counting failure after the retries publishes OPEN; a healthy answer from a deployment whose
 * shared circuit is OPEN publishes CLOSED; a call cut by the probe's timeout does neither. Nothing goes
 * into the latency store: a one-token ping is not an answer's time, and would make an idle deployment
 * look faster than a busy one (its time is in the report). Two runs at once are harmless: every
 * publish is a conditional write that only a newer record wins, so the later observation stands.
 */
@Singleton
public class ProbeService {

    private static final Logger LOG = LoggerFactory.getLogger(ProbeService.class);

    private final ProviderCatalog catalog;
    private final ProviderRegistry providers;
    private final HealthStore health;
    private final SharedStateSettings settings;
    private final Clock clock;
    private final MetricsSink metrics;
    private final ProbeCall call;

    public ProbeService(ProviderCatalog catalog, ProviderRegistry providers, HealthStore health,
                        SharedStateSettings settings, ResilienceSettings resilience, Sleeper sleeper, Clock clock) {
        this(catalog, providers, health, settings, resilience, sleeper, clock, MetricsSink.NONE);
    }

    @Inject
    public ProbeService(ProviderCatalog catalog, ProviderRegistry providers, HealthStore health,
                        SharedStateSettings settings, ResilienceSettings resilience, Sleeper sleeper, Clock clock,
                        MetricsSink metrics) {
        this.metrics = metrics;
        this.catalog = catalog;
        this.providers = providers;
        this.health = health;
        this.settings = settings;
        this.clock = clock;
        this.call = new ProbeCall(new RetryPolicy(resilience), sleeper, clock);
    }

    private record Target(ChatProvider provider, String model) {
        String label() {
            return provider.name() + "/" + model;
        }
    }

    /** Time a probe may still need after its call: publishing its circuit (a conditional put, with retries). */
    static final Duration WRITES = Duration.ofSeconds(4);

    public ProbeReport probeAll() {
        return probeAll(null);
    }

    /**
     * Probes every deployment, but starts none that could not end by {@code finishBy} (its timeout and
     * its writes included): those are reported skipped, and the run ends in time with what it learned
     * (on Lambda the function's own timeout would otherwise lose the whole report). Null: no limit.
     */
    public ProbeReport probeAll(Instant finishBy) {
        Instant at = clock.instant();
        List<Target> targets = new ArrayList<>();
        for (ProviderConfig config : catalog.providers()) {
            ChatProvider provider = providers.provider(config.name()).orElseThrow();
            for (DeploymentConfig deployment : config.deployments()) {
                targets.add(new Target(provider, deployment.model()));
            }
        }
        Map<String, CircuitRecord> shared = sharedCircuits(targets);
        List<ProbeReport.Result> results = new ArrayList<>();
        ExecutorService runs = Executors.newFixedThreadPool(Math.max(1, Math.min(settings.probeParallelism(),
                targets.size())), daemonThreads("health-probe"));
        ExecutorService calls = Executors.newCachedThreadPool(daemonThreads("health-probe-call"));
        try {
            List<Future<ProbeReport.Result>> pending = new ArrayList<>();
            for (Target target : targets) {
                pending.add(runs.submit(() -> startsInTime(finishBy) ? probe(target, shared.get(target.label()), calls)
                        : new ProbeReport.Result(target.provider().name(), target.model(), false, 0,
                        ProbeReport.SKIPPED, null)));
            }
            for (Future<ProbeReport.Result> result : pending) {
                results.add(result.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("health probe interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("health probe failed", e.getCause());
        } finally {
            runs.shutdownNow();
            calls.shutdownNow();
        }
        long healthy = results.stream().filter(ProbeReport.Result::healthy).count();
        long skipped = results.stream().filter(r -> ProbeReport.SKIPPED.equals(r.error())).count();
        long unhealthy = results.size() - healthy - skipped;
        if (skipped > 0 && skipped == results.size()) {
            LOG.error("health probe: every one of {} deployments skipped for lack of time: nothing was probed (the"
                    + " function's timeout leaves too little time for SWITCHBOARD_PROBE_TIMEOUT)", skipped);
        } else if (skipped > 0) {
            LOG.warn("health probe: {} healthy, {} unhealthy, {} skipped for lack of time", healthy, unhealthy, skipped);
        } else {
            LOG.info("health probe: {} healthy, {} unhealthy", healthy, unhealthy);
        }
        ProbeReport report = new ProbeReport(at, (int) healthy, (int) unhealthy, (int) skipped, results);
        ProbeMetrics.publish(metrics, report);
        return report;
    }

    private boolean startsInTime(Instant finishBy) {
        return finishBy == null || !clock.instant().plus(settings.probeTimeout()).plus(WRITES).isAfter(finishBy);
    }

    private Map<String, CircuitRecord> sharedCircuits(List<Target> targets) {
        try {
            return health.snapshot(targets.stream().map(Target::label).toList());
        } catch (StateUnavailableException e) {
            // Without the shared state nothing is known to be open; failures are still published.
            LOG.warn("health probe could not read the shared circuits: {}", e.getMessage());
            return Map.of();
        }
    }

    private ProbeReport.Result probe(Target target, CircuitRecord shared, ExecutorService calls) {
        Instant start = clock.instant();
        ProbeCall.Outcome outcome = call.run(target.provider(), target.model(), start, settings.probeTimeout(), calls);
        Instant end = clock.instant();
        Duration took = Duration.between(start, end);
        String name = target.provider().name();
        if (outcome.unexpected() != null) {
            // One adapter's unexpected failure must not stop the probe of every other deployment; it says
            // nothing about the deployment, so nothing is recorded.
            LOG.error("health probe of {} failed unexpectedly", target.label(), outcome.unexpected());
            return new ProbeReport.Result(name, target.model(), false, took.toMillis(), "UNEXPECTED", null);
        }
        if (outcome.healthy()) {
            // Healthy as of when it was asked: a failure another instance saw after that still wins.
            // A simulated outage is not the probe's to end: it holds until its set time.
            boolean closed = shared != null && shared.state() == CircuitState.OPEN && !shared.heldAt(start)
                    && publish(CircuitRecord.closed(target.label(), start, CircuitRecord.PROBE));
            return new ProbeReport.Result(name, target.model(), true, took.toMillis(), null,
                    closed ? CircuitState.CLOSED.name() : null);
        }
        ProviderException failure = outcome.failure();
        if (outcome.timedOut()) {
            // Cut by the probe's own timeout, far shorter than a call's: a slow first token is no proof
            // the deployment is down, so nothing is published.
            long millis = Math.max(took.toMillis(), settings.probeTimeout().toMillis());
            return new ProbeReport.Result(name, target.model(), false, millis, failure.kind().name(), null);
        }
        String published = null;
        if (failure.breakerFailure()) {
            // Only failures that say the deployment is down are verdicts; a 429 or a refusal is not.
            // Under a simulated outage the circuit is open already, until its set time: a plain open verdict
            // would replace that hold, and the next healthy answer would then close it early.
            boolean held = shared != null && shared.heldAt(end);
            if (!held && publish(CircuitRecord.open(target.label(), end, CircuitRecord.PROBE,
                    failure.kind().name()))) {
                published = CircuitState.OPEN.name();
            }
        }
        // A key the probe could not read says nothing of the deployment: named apart, and nothing was published.
        String kind = failure.keyUnreadable() ? Attempt.KEY_UNREADABLE.toUpperCase(Locale.ROOT) : failure.kind().name();
        return new ProbeReport.Result(name, target.model(), false, took.toMillis(), kind, published);
    }

    private boolean publish(CircuitRecord record) {
        try {
            return health.publish(record);
        } catch (StateUnavailableException e) {
            LOG.warn("health probe could not publish the circuit of {}: {}", record.deployment(), e.getMessage());
            return false;
        }
    }

    private static ThreadFactory daemonThreads(String name) {
        AtomicInteger next = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + next.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
