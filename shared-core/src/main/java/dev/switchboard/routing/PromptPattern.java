package dev.switchboard.routing;

import java.util.Locale;

/** What kind of work a prompt asks for (seed 002's classes, plus math and general). */
public enum PromptPattern {
    CODE, WRITING, ANALYSIS, MATH, GENERAL;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
