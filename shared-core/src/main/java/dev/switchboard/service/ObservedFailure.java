package dev.switchboard.service;

import dev.switchboard.ledger.FeedbackEntry;
import dev.switchboard.provider.FinishReason;
import dev.switchboard.routing.Tier;
import io.micronaut.json.JsonMapper;

import java.util.Objects;
import java.util.Optional;

/**
 * An observed failure: an economy deployment answered, and its answer is unusable on the request's own
 * terms, so the weak model failed the prompt with no one having to say so. Two answers count:
 * <ul>
 *   <li>an empty one: no text (blank once stripped) and no tool calls, unless the caller may have asked for it
 *   (stop sequences, or an answer begun for the model to continue);</li>
 *   <li>one that calls a tool the request offered with arguments that are not a JSON object.</li>
 * </ul>
 * Not counted, because they say nothing about how hard the prompt is: failed calls (provider errors,
 * timeouts, rate limits, open circuits, fallbacks; they are the provider's health, handled by retries and
 * breakers); an answer cut by max_tokens ({@link FinishReason#LENGTH}: the caller's limit); one a safety
 * filter stopped ({@link FinishReason#CONTENT_FILTER}); answers of the standard and premium tiers (the
 * learner estimates whether the weak model fails); cache hits (no fresh call); and a prompt the learner has
 * no features of.
 *
 * @param note why, in a few words; never any text of the prompt or the answer
 */
public record ObservedFailure(String note) {

    static final String EMPTY = "the economy model's answer was empty";
    static final String BAD_TOOL_ARGUMENTS = "the economy model called a tool with arguments that are not a JSON object";

    public ObservedFailure {
        Objects.requireNonNull(note, "note");
    }

    /** What the learner takes from it: the weak model failed. */
    public String outcome() {
        return FeedbackEntry.WEAK_FAILED;
    }

    /**
     * Whether {@code answer}, given fresh by a deployment of {@code tier} to a prompt with these learner
     * features ({@link LearnerFeatureText}; null when none were taken), is an observed failure.
     */
    public static Optional<ObservedFailure> judge(Tier tier, String learnerFeatures, DeliveredAnswer answer,
                                                  JsonMapper json) {
        if (tier != Tier.ECONOMY || answer.finishReason() == FinishReason.LENGTH
                || answer.finishReason() == FinishReason.CONTENT_FILTER) {
            return Optional.empty();
        }
        ObservedFailure failure;
        if (answer.text().isBlank() && answer.toolCalls().isEmpty()) {
            if (answer.emptyMayBeRight()) {
                return Optional.empty();
            }
            failure = new ObservedFailure(EMPTY);
        } else if (answer.toolsOffered()
                && answer.toolCalls().stream().anyMatch(call -> !call.argumentsAreAnObject(json))) {
            failure = new ObservedFailure(BAD_TOOL_ARGUMENTS);
        } else {
            return Optional.empty();
        }
        // The features last: decoding them is the dearest check, and most answers are fine.
        return LearnerFeatureText.decode(learnerFeatures).isPresent() ? Optional.of(failure) : Optional.empty();
    }
}
