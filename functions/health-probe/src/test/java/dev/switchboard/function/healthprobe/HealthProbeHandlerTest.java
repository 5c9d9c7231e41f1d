package dev.switchboard.function.healthprobe;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import dev.switchboard.api.ProbeReport;
import dev.switchboard.ledger.LedgerEntry;
import dev.switchboard.ledger.RequestLedger;
import dev.switchboard.testsupport.LedgerEntries;
import dev.switchboard.testsupport.LogLines;
import dev.switchboard.testsupport.TestEnvironment;
import dev.switchboard.testsupport.lambda.LambdaEvents;
import dev.switchboard.testsupport.lambda.TestLambdaContext;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The health probe's Lambda handler, fed an EventBridge scheduled event. */
class HealthProbeHandlerTest {

    @Test
    void probesEveryConfiguredDeploymentOncePerEvent() {
        try (ApplicationContext context = ApplicationContext.run(TestEnvironment.properties())) {
            HealthProbeHandler handler = new HealthProbeHandler(context);

            ProbeReport report = handler.handleRequest(LambdaEvents.load("events/scheduled.json", ScheduledEvent.class),
                    new TestLambdaContext("switchboard-health-probe"));

            assertEquals(5, report.results().size());
            assertEquals(5, report.healthy());
            assertTrue(report.results().stream().allMatch(ProbeReport.Result::healthy));
            assertTrue(report.results().stream().allMatch(r -> r.circuit() == null),
                    "no circuit was open, so the probe had nothing to publish");
        }
    }

    @Test
    void anInvocationWithoutTimeForAProbeReportsEveryDeploymentSkippedAndLearnsNothing() {
        try (ApplicationContext context = ApplicationContext.run(TestEnvironment.properties());
             LogLines logs = new LogLines()) {
            HealthProbeHandler handler = new HealthProbeHandler(context);

            // 12 s left: not enough for one probe's 10 s timeout and its writes.
            ProbeReport report = handler.handleRequest(LambdaEvents.load("events/scheduled.json", ScheduledEvent.class),
                    new TestLambdaContext("switchboard-health-probe", 12_000));

            assertEquals(5, report.skipped());
            assertEquals(0, report.healthy() + report.unhealthy());
            assertTrue(report.results().stream().allMatch(r -> ProbeReport.SKIPPED.equals(r.error())
                    && r.circuit() == null));
            assertTrue(logs.at("ERROR").stream().anyMatch(line -> line.contains("every one of 5 deployments skipped")),
                    "a run that probed nothing is an error, not a warning: " + logs.lines());
        }
    }

    @Test
    void reportsADeploymentThatFailsItsProbe() {
        Map<String, Object> properties = new HashMap<>(TestEnvironment.properties());
        properties.put("switchboard.config", "classpath:providers/one-down.yml");
        // The provider is down for good: its retries would only wait real backoff (they are ProbeServiceTest's).
        properties.put("switchboard.resilience.max-retries", 0);
        try (ApplicationContext context = ApplicationContext.run(properties)) {
            HealthProbeHandler handler = new HealthProbeHandler(context);

            ProbeReport report = handler.handleRequest(LambdaEvents.load("events/scheduled.json", ScheduledEvent.class),
                    new TestLambdaContext("switchboard-health-probe"));

            assertEquals(1, report.unhealthy());
            ProbeReport.Result down = report.results().stream().filter(r -> !r.healthy()).findFirst().orElseThrow();
            assertEquals("flaky", down.provider());
            assertEquals("UNAVAILABLE", down.error());
            assertEquals("OPEN", down.circuit(), "the failure is published as the shared circuit state");
            assertFalse(report.results().stream().filter(r -> r.provider().equals("steady")).anyMatch(r -> !r.healthy()));
        }
    }

    @Test
    void afterTheProbeTheLedgersRowsPastItsRetentionAreDeleted() {
        Map<String, Object> properties = new HashMap<>(TestEnvironment.properties());
        properties.put("switchboard.ledger.retention-days", 31);
        try (ApplicationContext context = ApplicationContext.run(properties)) {
            RequestLedger ledger = context.getBean(RequestLedger.class);
            Instant now = context.getBean(Clock.class).instant();
            LedgerEntry old = LedgerEntries.ok(now.minus(Duration.ofDays(40))).build();
            LedgerEntry recent = LedgerEntries.ok(now.minus(Duration.ofDays(20))).build();
            ledger.append(old);
            ledger.append(recent);

            // The probe function's 120 s: time for the probe and a batch.
            new HealthProbeHandler(context).handleRequest(LambdaEvents.load("events/scheduled.json", ScheduledEvent.class),
                    new TestLambdaContext("switchboard-health-probe", 120_000));

            assertTrue(ledger.find(old.id()).isEmpty(), "40 days old, past the 31 days kept");
            assertTrue(ledger.find(recent.id()).isPresent());
        }
    }

    @Test
    void anInvocationWithTooLittleTimeLeftAfterTheProbeLeavesTheRowsForTheNextRun() {
        Map<String, Object> properties = new HashMap<>(TestEnvironment.properties());
        properties.put("switchboard.ledger.retention-days", 31);
        try (ApplicationContext context = ApplicationContext.run(properties)) {
            RequestLedger ledger = context.getBean(RequestLedger.class);
            LedgerEntry old = LedgerEntries.ok(context.getBean(Clock.class).instant().minus(Duration.ofDays(40))).build();
            ledger.append(old);

            // 40 s: the probe, but not a batch's 45 s, or the function could time out mid-batch and lose the report.
            ProbeReport report = new HealthProbeHandler(context).handleRequest(
                    LambdaEvents.load("events/scheduled.json", ScheduledEvent.class),
                    new TestLambdaContext("switchboard-health-probe", 40_000));

            assertEquals(5, report.healthy());
            assertTrue(ledger.find(old.id()).isPresent());
        }
    }
}
