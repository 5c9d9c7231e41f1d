package dev.switchboard.api;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class QueryParametersTest {

    private static InvalidRequestException rejected(String name, Executable call) {
        InvalidRequestException e = assertThrows(InvalidRequestException.class, call);
        assertEquals(400, e.status());
        assertEquals("invalid_request", e.type());
        assertEquals(name, e.field());
        return e;
    }

    @Test
    void requiredTextReturnsTheValueAsGiven() {
        assertEquals(" what is 2+2? ", QueryParameters.requiredText("prompt", " what is 2+2? ", 100));
        assertEquals("abc", QueryParameters.requiredText("prompt", "abc", 3));
    }

    @Test
    void requiredTextRefusesAMissingValue() {
        assertEquals("'prompt' is required",
                rejected("prompt", () -> QueryParameters.requiredText("prompt", null, 10)).getMessage());
    }

    @ParameterizedTest(name = "[{index}] ''{0}''")
    @ValueSource(strings = {"", " ", "\t\n"})
    void requiredTextRefusesABlankValue(String value) {
        assertEquals("'prompt' must not be blank",
                rejected("prompt", () -> QueryParameters.requiredText("prompt", value, 10)).getMessage());
    }

    @Test
    void requiredTextRefusesAValueOverTheLimit() {
        assertEquals("'prompt' must be at most 3 characters",
                rejected("prompt", () -> QueryParameters.requiredText("prompt", "abcd", 3)).getMessage());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"true, true", "false, false", "TRUE, true", "False, false"})
    void optionalBooleanReadsTrueAndFalseInAnyCase(String value, boolean expected) {
        assertEquals(expected, QueryParameters.optionalBoolean("auto_route", value, !expected));
    }

    @ParameterizedTest
    @NullAndEmptySource
    void optionalBooleanFallsBackWhenAbsent(String value) {
        assertEquals(true, QueryParameters.optionalBoolean("auto_route", value, true));
        assertEquals(false, QueryParameters.optionalBoolean("auto_route", value, false));
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"yes", "1", "0", "on", "t rue", "truee"})
    void optionalBooleanRefusesAnythingElse(String value) {
        assertEquals("'auto_route' must be true or false",
                rejected("auto_route", () -> QueryParameters.optionalBoolean("auto_route", value, false)).getMessage());
    }

    @ParameterizedTest(name = "''{0}'' -> {1}")
    @CsvSource(value = {"1|1", "7|7", "365|365", "' 30 '|30", "+5|5"}, delimiter = '|')
    void optionalIntReadsWholeNumbersInRange(String value, int expected) {
        assertEquals(expected, QueryParameters.optionalInt("days", value, 7, 1, 365));
    }

    @ParameterizedTest
    @NullAndEmptySource
    void optionalIntFallsBackWhenAbsent(String value) {
        assertEquals(7, QueryParameters.optionalInt("days", value, 7, 1, 365));
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"0", "366", "-1", "1.5", "abc", "1e3", "99999999999999999999", "4294967297", " "})
    void optionalIntRefusesAnythingElseNamingTheRange(String value) {
        assertEquals("'days' must be an integer between 1 and 365",
                rejected("days", () -> QueryParameters.optionalInt("days", value, 7, 1, 365)).getMessage());
    }
}
