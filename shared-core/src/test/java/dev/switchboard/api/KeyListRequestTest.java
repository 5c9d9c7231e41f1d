package dev.switchboard.api;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class KeyListRequestTest {

    private static KeyListRequest parse(Map<String, String> query) {
        return KeyListRequest.from(query::get);
    }

    @Test
    void nothingAsksForTheFirstPageOfTwentyOfEveryone() {
        assertEquals(new KeyListRequest(null, 20, null), parse(Map.of()));
        assertEquals(new KeyListRequest(null, 20, null), parse(Map.of("after", "", "user", "", "limit", "")));
    }

    @Test
    void aPageAfterAKeyOfOneUser() {
        assertEquals(new KeyListRequest("vk_AbC-_9", 100, "alice@example.com"),
                parse(Map.of("after", "vk_AbC-_9", "limit", "100", "user", "alice@example.com")));
    }

    @Test
    void badValuesAre400sNamingTheirParameter() {
        Map<String, Map<String, String>> cases = Map.of(
                "limit", Map.of("limit", "0"),
                "after", Map.of("after", "sb-secretlooking"),
                "user", Map.of("user", "alice bob"));
        cases.forEach((field, query) -> {
            InvalidRequestException refused = assertThrows(InvalidRequestException.class, () -> parse(query));
            assertEquals(field, refused.field());
            assertEquals(400, refused.status());
        });
        assertEquals("limit", assertThrows(InvalidRequestException.class,
                () -> parse(Map.of("limit", "101"))).field());
        assertEquals("user", assertThrows(InvalidRequestException.class,
                () -> parse(Map.of("user", "a".repeat(129)))).field());
    }

    @Test
    void aKeyIdIsVkAndUpTo64Base64UrlCharacters() {
        assertEquals("vk_" + "a".repeat(64), KeyIds.checked("id", "vk_" + "a".repeat(64)));
        for (String bad : new String[]{"vk_", "vk_" + "a".repeat(65), "vk_a/b", "VK_abc", "vk_a%20"}) {
            assertEquals("id", assertThrows(InvalidRequestException.class, () -> KeyIds.checked("id", bad)).field(), bad);
        }
    }
}
