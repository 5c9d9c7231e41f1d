package dev.switchboard.api.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.switchboard.api.InvalidRequestException;
import io.micronaut.http.HttpRequest;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** A preview's query string read with the strictness of a body. */
class PreviewQueryTest {

    private static final Set<String> KNOWN = Set.of("prompt", "max_cost", "deny");

    private static PreviewQuery read(String query) {
        return PreviewQuery.of(HttpRequest.GET("/routing/decision?" + query), "GET /routing/decision", KNOWN);
    }

    @Test
    void valuesAreDecodedAndRepeatsJoinedWithCommasAsApiGatewayJoinsThem() {
        PreviewQuery query = read("prompt=Hi%2C+there%20%E2%9C%93&deny=gemini&deny=openai,anthropic");
        assertEquals("Hi, there \u2713", query.value("prompt"));
        assertEquals("a,b", read("prompt=a&prompt=b").value("prompt"));
        assertEquals("a", read("prompt=a&_=1732950000000").value("prompt"), "a cache-buster is let by");
        assertEquals("gemini,openai,anthropic", query.value("deny"));
        assertNull(query.value("max_cost"));
    }

    @Test
    void noQueryAtAllIsNoValues() {
        PreviewQuery query = PreviewQuery.of(HttpRequest.GET("/routing/decision"), "GET /routing/decision", KNOWN);
        assertNull(query.value("prompt"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "prompt=a&autoroute=1 | autoroute | 'autoroute' is not a parameter of GET /routing/decision; it takes deny, max_cost, prompt",
            "prompt=a&max_cost=   | max_cost | 'max_cost' is empty: leave it out for its default",
            "prompt=a&deny        | deny     | 'deny' is empty: leave it out for its default",
            "prompt=%FF%FE        | prompt   | 'prompt' holds a malformed percent-escape or bytes that are not UTF-8"})
    void whatABodyWouldRefuseIsA400NamingTheParameter(String query, String field, String message) {
        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> read(query));
        assertEquals(field, e.field());
        assertEquals(message, e.getMessage());
    }

    /** A URI with a malformed escape never becomes a request here; the decoding refuses one all the same. */
    @Test
    void aMalformedEscapeIsRefusedNamingTheParameterOrNone() {
        for (String text : new String[]{"%zz", "a%", "a%4"}) {
            InvalidRequestException e = assertThrows(InvalidRequestException.class,
                    () -> PreviewQuery.decode(text, "prompt"), text);
            assertEquals("prompt", e.field());
        }
        InvalidRequestException key = assertThrows(InvalidRequestException.class, () -> PreviewQuery.decode("%4", null));
        assertNull(key.field());
        assertEquals("the query string holds a malformed percent-escape or bytes that are not UTF-8", key.getMessage());
    }

    @Test
    void aCharacterSentWithoutEscapingIsRefusedSayingSo() {
        InvalidRequestException e = assertThrows(InvalidRequestException.class,
                () -> PreviewQuery.decode("caf\u00e9", "prompt"));
        assertEquals("prompt", e.field());
        assertEquals("'prompt' holds characters that are not percent-encoded: escape them as UTF-8 (%C3%A9 for \u00e9)",
                e.getMessage());
    }
}
