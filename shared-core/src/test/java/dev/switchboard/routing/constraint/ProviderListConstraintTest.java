package dev.switchboard.routing.constraint;

import dev.switchboard.routing.Candidate;
import dev.switchboard.routing.RoutingFixtures.ConstraintsBuilder;
import dev.switchboard.routing.Tier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Optional;

import static dev.switchboard.routing.RoutingFixtures.candidate;
import static dev.switchboard.routing.RoutingFixtures.constraints;
import static dev.switchboard.routing.RoutingFixtures.requestFor;
import static org.junit.jupiter.api.Assertions.assertEquals;

class ProviderListConstraintTest {

    private static final Candidate GPT = candidate("openai/gpt-4o", Tier.PREMIUM, 1e-5);
    private static final Optional<String> DENIED = Optional.of("is on the request's deny list");
    private static final Optional<String> NOT_ALLOWED = Optional.of("is not on the request's allow list");

    private final ProviderListConstraint constraint = new ProviderListConstraint();

    private Optional<String> violation(ConstraintsBuilder lists) {
        return constraint.violation(GPT, requestFor(GPT).constraints(lists).build());
    }

    @Test
    void withoutListsEveryoneMayAnswer() {
        assertEquals(Optional.empty(), violation(constraints()));
    }

    @ParameterizedTest(name = "allow {0}")
    @ValueSource(strings = {"openai", "gpt-4o", "openai/gpt-4o"})
    void anAllowEntryNamesAProviderAModelOrAProviderSlashModel(String entry) {
        assertEquals(Optional.empty(), violation(constraints().allow(entry)));
        assertEquals(Optional.empty(), violation(constraints().allow("anthropic", entry)));
    }

    @ParameterizedTest(name = "allow {0}")
    @ValueSource(strings = {"anthropic", "gpt-4", "openai/gpt", "azure/gpt-4o"})
    void aCandidateNotNamedExactlyOnANonEmptyAllowListIsRefused(String entry) {
        assertEquals(NOT_ALLOWED, violation(constraints().allow(entry)));
    }

    @ParameterizedTest(name = "deny {0}")
    @ValueSource(strings = {"openai", "gpt-4o", "openai/gpt-4o"})
    void aDenyEntryNamesAProviderAModelOrAProviderSlashModel(String entry) {
        assertEquals(DENIED, violation(constraints().deny(entry)));
    }

    @Test
    void aDenyListNamingOthersLeavesTheCandidateIn() {
        assertEquals(Optional.empty(), violation(constraints().deny("anthropic", "gpt-4", "azure/gpt-4o")));
    }

    @Test
    void denyWinsOverAllow() {
        assertEquals(DENIED, violation(constraints().allow("openai").deny("gpt-4o")));
        assertEquals(DENIED, violation(constraints().allow("openai/gpt-4o").deny("openai")));
    }
}
