package dev.switchboard.secrets;

import dev.switchboard.provider.ProviderException;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EnvironmentApiKeySourceTest {

    private static final String CANARY = "sk-CANARY-0123456789";

    @Test
    void aKeyIsTakenStrippedAndABlankOneIsNone() {
        EnvironmentApiKeySource source = new EnvironmentApiKeySource(Map.of("OPENAI_API_KEY", " " + CANARY + "\n",
                "GEMINI_API_KEY", "  "));

        assertEquals(Optional.of(new ApiKey(CANARY)), source.apiKey("openai"));
        assertEquals(Optional.empty(), source.apiKey("gemini"));
        assertEquals(Optional.empty(), source.apiKey("anthropic"));
    }

    @Test
    void aKeyNoHeaderCanCarryFailsUnauthorizedNamingTheVariableNotTheKey() {
        for (String unusable : new String[] {"\uFEFF" + CANARY, CANARY + "\u200B", "sk-CANARY with space"}) {
            EnvironmentApiKeySource source = new EnvironmentApiKeySource(Map.of("OPENAI_API_KEY", unusable));

            ProviderException e = assertThrows(ProviderException.class, () -> source.apiKey("openai"), unusable);

            assertEquals(ProviderException.Kind.UNAUTHORIZED, e.kind());
            assertTrue(e.getMessage().contains("OPENAI_API_KEY"), e.getMessage());
            assertFalse(e.getMessage().contains("CANARY"), "the key is not shown: " + e.getMessage());
        }
    }
}
