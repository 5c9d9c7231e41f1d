package dev.switchboard.routing.constraint;

import dev.switchboard.routing.Candidate;
import dev.switchboard.routing.Capabilities;
import dev.switchboard.routing.RoutingFixtures.ConstraintsBuilder;
import dev.switchboard.routing.Tier;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static dev.switchboard.routing.RoutingFixtures.candidate;
import static dev.switchboard.routing.RoutingFixtures.constraints;
import static dev.switchboard.routing.RoutingFixtures.requestFor;
import static dev.switchboard.routing.RoutingFixtures.with;
import static org.junit.jupiter.api.Assertions.assertEquals;

class CapabilityConstraintTest {

    private static final Capabilities NOTHING = new Capabilities(8192, false, false, false);
    private static final Capabilities EVERYTHING = new Capabilities(8192, true, true, true, 0, true, true, true);

    private final CapabilityConstraint constraint = new CapabilityConstraint();

    private Optional<String> violation(Capabilities offered, ConstraintsBuilder needs) {
        Candidate candidate = with(candidate("openai/gpt-4o", Tier.PREMIUM, 1e-5), offered);
        return constraint.violation(candidate, requestFor(candidate).constraints(needs).build());
    }

    @Test
    void aRequestNeedingNothingBeyondTextTakesADeploymentOfferingNothing() {
        assertEquals(Optional.empty(), violation(NOTHING, constraints()));
    }

    @Test
    void aDeploymentOfferingEverythingMeetsEveryNeed() {
        assertEquals(Optional.empty(), violation(EVERYTHING,
                constraints().tools().vision().streaming().json().pdf().reasoning()));
    }

    @Test
    void eachMissingCapabilityIsNamed() {
        assertEquals(Optional.of("does not support tools"), violation(NOTHING, constraints().tools()));
        assertEquals(Optional.of("does not support images (vision)"), violation(NOTHING, constraints().vision()));
        assertEquals(Optional.of("does not support streaming"), violation(NOTHING, constraints().streaming()));
        assertEquals(Optional.of("does not support JSON output (capability json)"), violation(NOTHING, constraints().json()));
        assertEquals(Optional.of("does not read PDF files (capability pdf)"), violation(NOTHING, constraints().pdf()));
        assertEquals(Optional.of("does not take a reasoning effort (capability reasoning)"),
                violation(NOTHING, constraints().reasoning()));
    }

    @Test
    void onlyWhatTheRequestNeedsIsChecked() {
        Capabilities toolsOnly = new Capabilities(8192, true, false, false);

        assertEquals(Optional.empty(), violation(toolsOnly, constraints().tools()));
        assertEquals(Optional.of("does not support images (vision)"),
                violation(toolsOnly, constraints().tools().vision()));
    }

    @Test
    void withSeveralMissingTheFirstInToolsVisionStreamingOrderIsReported() {
        assertEquals(Optional.of("does not support tools"),
                violation(NOTHING, constraints().tools().vision().streaming()));
        assertEquals(Optional.of("does not support images (vision)"),
                violation(NOTHING, constraints().vision().streaming()));
    }
}
