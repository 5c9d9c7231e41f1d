package dev.switchboard.routing.learning;

import java.util.Objects;

/** One training example for batch fitting: a prompt and whether the weak model failed it. */
public record LabelledOutcome(String prompt, boolean weakModelFailed) {

    public LabelledOutcome {
        Objects.requireNonNull(prompt, "prompt");
    }
}
