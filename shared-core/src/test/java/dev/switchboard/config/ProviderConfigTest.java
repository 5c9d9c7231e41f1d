package dev.switchboard.config;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The local key's variable name: DESIGN.md's {@code <NAME>_API_KEY} rule, exactly. */
class ProviderConfigTest {

    @Test
    void theNameIsUpperCasedWithEveryOtherCharacterAsAnUnderscore() {
        assertEquals("OPENAI_API_KEY", ProviderConfig.apiKeyVariable("openai"));
        assertEquals("LOCAL_LLM_2_API_KEY", ProviderConfig.apiKeyVariable("local-llm.2"));
        assertEquals("AZURE_EU_WEST_API_KEY", ProviderConfig.apiKeyVariable("Azure eu/west"));
    }

    @Test
    void lettersOutsideAsciiBecomeOneUnderscoreEachAsTheyUpperCase() {
        assertEquals("M_NCHEN_API_KEY", ProviderConfig.apiKeyVariable("münchen"));
        // Upper-cased first: the German sharp s is two letters then.
        assertEquals("STRASSE_API_KEY", ProviderConfig.apiKeyVariable("straße"));
        // One character outside the basic plane (a surrogate pair in Java) is one underscore.
        assertEquals("X__API_KEY", ProviderConfig.apiKeyVariable("x\uD83D\uDE80"));
    }

    @Test
    void itNamesTheSameVariableAsTheRegularExpressionOfTheRuleOnAwkwardNames() {
        // Dotless i and the fi ligature upper-case to ASCII; lone surrogates stay one character each.
        for (String name : List.of("", "a", "ı", "ﬁrst", "x\uD83D", "\uDE80y", "tab\tname", "ǅ", "ß-ﬀ.9")) {
            String byRegex = name.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_") + "_API_KEY";
            assertEquals(byRegex, ProviderConfig.apiKeyVariable(name), name);
        }
    }
}
