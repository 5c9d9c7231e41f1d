package dev.switchboard.cost;

/** Counts the tokens a model would see in a text. */
public interface TokenCounter {

    int count(String text);

    /** "exact" when the model's own encoding was used, "estimate" otherwise. */
    String method();
}
