package dev.switchboard.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * shared-core's own layering (DESIGN.md): routing is plain Java and self-contained. The rules are
 * also run against small sample packages, so a rule that silently stopped matching would show here.
 */
class ArchitectureTest {

    private static final String SAMPLES = "dev.switchboard.architecture.samples";

    private static JavaClasses production;
    private static JavaClasses samples;

    @BeforeAll
    static void importClasses() {
        production = SwitchboardArchitecture.productionClasses();
        samples = SwitchboardArchitecture.importWithoutResolvingLibraries(new ClassFileImporter(), SAMPLES);
    }

    @Test
    void importsSharedCoresRoutingButNoTestClasses() {
        assertTrue(production.contain("dev.switchboard.routing.RoutingEngine"));
        assertFalse(production.contain(ArchitectureTest.class));
        assertFalse(production.stream().anyMatch(c -> c.getPackageName().startsWith(SAMPLES)));
    }

    @Test
    void routingHasNoIo() {
        SwitchboardArchitecture.ROUTING_HAS_NO_IO.check(production);
    }

    @Test
    void routingDependsOnNoOtherSwitchboardPackage() {
        SwitchboardArchitecture.ROUTING_IS_SELF_CONTAINED.check(production);
    }

    @Test
    void routingReadsNoSystemClockOrRandomness() {
        SwitchboardArchitecture.ROUTING_READS_NO_SYSTEM_CLOCK_OR_RANDOMNESS.check(production);
    }

    @Test
    void theRoutingRulesAcceptPlainJava() {
        String plain = SAMPLES + ".plainrouting..";

        for (ArchRule rule : List.of(SwitchboardArchitecture.hasNoIo(plain), SwitchboardArchitecture.selfContained(plain),
                SwitchboardArchitecture.readsNoSystemClockOrRandomness(plain))) {
            rule.check(samples);
        }
    }

    @Test
    void theIoRuleCatchesFrameworkAndHttpTypes() {
        String report = violations(SwitchboardArchitecture.hasNoIo(SAMPLES + ".leakyrouting.."));

        assertTrue(report.contains("io.micronaut.json.JsonMapper"), report);
        assertTrue(report.contains("java.net.http.HttpClient"), report);
        assertFalse(report.contains("dev.switchboard.config.ProviderConfig"), report);
    }

    @Test
    void theSelfContainedRuleCatchesOtherSwitchboardPackages() {
        String report = violations(SwitchboardArchitecture.selfContained(SAMPLES + ".leakyrouting.."));

        assertTrue(report.contains("dev.switchboard.config.ProviderConfig"), report);
        assertFalse(report.contains("io.micronaut"), report);
    }

    @Test
    void theClockRuleCatchesTheSystemClockAndUnseededRandomness() {
        String report = violations(SwitchboardArchitecture.readsNoSystemClockOrRandomness(SAMPLES + ".leakyrouting.."));

        assertTrue(report.contains("Instant.now()"), report);
        assertTrue(report.contains("Random.<init>()"), report);
    }

    @Test
    void theFunctionRuleAcceptsServiceApiAndTheFunctionsOwnClasses() {
        SwitchboardArchitecture.reachSwitchboardOnlyThroughServiceAndApi(SAMPLES + ".goodfunction..").check(samples);
    }

    @Test
    void theFunctionRuleCatchesAdaptersAndStatePorts() {
        String report = violations(SwitchboardArchitecture.reachSwitchboardOnlyThroughServiceAndApi(
                SAMPLES + ".badfunction.."));

        assertTrue(report.contains("dev.switchboard.provider.ProviderRegistry"), report);
        assertTrue(report.contains("dev.switchboard.state.AdmissionStore"), report);
        assertFalse(report.contains("dev.switchboard.api.CompleteRequest"), report);
    }

    @Test
    void theFunctionRuleTargetsTheFunctionPackages() {
        assertEquals("dev.switchboard.function..", SwitchboardArchitecture.FUNCTIONS);
        assertTrue(SwitchboardArchitecture.FUNCTIONS_USE_ONLY_SERVICE_AND_API.getDescription()
                .contains("dev.switchboard.function.."), SwitchboardArchitecture.FUNCTIONS_USE_ONLY_SERVICE_AND_API.getDescription());
    }

    private static String violations(ArchRule rule) {
        EvaluationResult result = rule.evaluate(samples);
        assertTrue(result.hasViolation(), rule.getDescription() + " found nothing");
        return String.join("\n", result.getFailureReport().getDetails());
    }
}
