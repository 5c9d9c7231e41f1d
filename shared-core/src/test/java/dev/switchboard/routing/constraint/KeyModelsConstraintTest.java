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

class KeyModelsConstraintTest {

    private static final Candidate GPT = candidate("openai/gpt-4o", Tier.PREMIUM, 1e-5);
    private static final Optional<String> NOT_THE_KEYS = Optional.of("is not among the models the caller's key may use");

    private final KeyModelsConstraint constraint = new KeyModelsConstraint();

    private Optional<String> violation(ConstraintsBuilder lists) {
        return constraint.violation(GPT, requestFor(GPT).constraints(lists).build());
    }

    @Test
    void aKeyWithoutModelsMayUseEveryDeployment() {
        assertEquals(Optional.empty(), violation(constraints()));
    }

    @ParameterizedTest(name = "key models {0}")
    @ValueSource(strings = {"openai", "gpt-4o", "openai/gpt-4o"})
    void anEntryNamesAProviderAModelOrAProviderSlashModel(String entry) {
        assertEquals(Optional.empty(), violation(constraints().keyModels(entry)));
        assertEquals(Optional.empty(), violation(constraints().keyModels("gemini-1.5-flash", entry)));
    }

    @ParameterizedTest(name = "key models {0}")
    @ValueSource(strings = {"anthropic", "gpt-4o-mini", "openai/gpt", "azure/gpt-4o"})
    void aDeploymentTheKeyDoesNotNameExactlyIsLeftOut(String entry) {
        assertEquals(NOT_THE_KEYS, violation(constraints().keyModels(entry)));
    }

    @Test
    void aProviderSlashModelEntryNamesThatDeploymentAloneThoughAnotherServesAModelOfThatName() {
        // OpenRouter names its models after their makers: its "openai/gpt-4o" is not OpenAI's own deployment.
        Candidate openRouter = candidate("openrouter", "openai/gpt-4o", Tier.PREMIUM, 1e-6, 1e-6);

        assertEquals(NOT_THE_KEYS, constraint.violation(openRouter, requestFor(GPT, openRouter)
                .constraints(constraints().keyModels("openai/gpt-4o")).build()));
        assertEquals(Optional.empty(), constraint.violation(openRouter, requestFor(openRouter)
                .constraints(constraints().keyModels("openai/gpt-4o")).build()), "no such deployment: the model's name");
        assertEquals(Optional.empty(), constraint.violation(openRouter, requestFor(GPT, openRouter)
                .constraints(constraints().keyModels("openrouter/openai/gpt-4o")).build()));
    }

    @Test
    void theFilterGivesTheKeysReasonBeforeTheRequestsLists() {
        Admission admission = CandidateFilter.STANDARD.admit(requestFor(GPT)
                .constraints(constraints().keyModels("anthropic").deny("openai")).build());

        assertEquals(NOT_THE_KEYS.orElseThrow(), admission.excluded().get(0).reason());
    }
}
