package dev.switchboard.cost;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JtokkitTokenCounterTest {

    private final JtokkitTokenCounter counter = new JtokkitTokenCounter();

    /**
     * Counts published in OpenAI's cookbook "How to count tokens with tiktoken" (its encoding comparison
     * and its first example), printed there by tiktoken itself: jtokkit must agree with them.
     */
    @ParameterizedTest(name = "{0}: \"{1}\" is {2} tokens")
    @CsvSource(delimiter = '|', value = {
            "gpt-4o      | tiktoken is great!            | 6",
            "gpt-4       | tiktoken is great!            | 6",
            "gpt-4o      | antidisestablishmentarianism  | 6",
            "gpt-4       | antidisestablishmentarianism  | 6",
            "gpt-4o      | 2 + 2 = 4                     | 7",
            "gpt-4       | 2 + 2 = 4                     | 7",
            "gpt-4o      | お誕生日おめでとう              | 8",
            "gpt-4       | お誕生日おめでとう              | 9"})
    void agreesWithTheCountsOpenAiPublished(String model, String text, int tokens) {
        TokenCount count = counter.count(model, text);

        assertEquals(tokens, count.tokens());
        assertTrue(count.exact());
        assertEquals("exact", count.method());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "gpt-4o, o200k_base", "gpt-4o-2024-08-06, o200k_base", "gpt-4o-mini-2024-07-18, o200k_base",
            "chatgpt-4o-latest, o200k_base", "gpt-4.1, o200k_base", "gpt-4.1-mini-2025-04-14, o200k_base",
            "gpt-4.5-preview, o200k_base", "gpt-5, o200k_base", "gpt-5-mini, o200k_base", "o1, o200k_base",
            "o1-2024-12-17, o200k_base", "o3-mini, o200k_base", "o4-mini-2025-04-16, o200k_base",
            "GPT-4O, o200k_base", "openai/gpt-4o, o200k_base", "ft:gpt-4o-mini-2024-07-18:acme::abc123, o200k_base",
            "gpt-4, cl100k_base", "gpt-4-0613, cl100k_base", "gpt-4-32k, cl100k_base",
            "gpt-4-turbo-2024-04-09, cl100k_base", "gpt-3.5-turbo, cl100k_base", "gpt-3.5-turbo-0125, cl100k_base",
            "gpt-35-turbo, cl100k_base", "text-embedding-3-small, cl100k_base"})
    void usesTheModelsOwnEncodingAndSaysItIsExact(String model, String encoding) {
        TokenCount count = counter.count(model, "The quick brown fox jumps over the lazy dog.");

        assertEquals(encoding, count.basis());
        assertTrue(count.exact(), model);
    }

    @ParameterizedTest
    @CsvSource({"text-davinci-003", "davinci", "code-davinci-002"})
    void aRetiredCompletionModelCountsWithTheProxyAndSaysItIsAnEstimate(String model) {
        // Their r50k / p50k vocabularies are not shipped in the functions' artifacts.
        TokenCount count = counter.count(model, "The quick brown fox jumps over the lazy dog.");

        assertEquals("o200k_base", count.basis());
        assertFalse(count.exact(), model);
    }

    @Test
    void aDatedNameCountsAsItsFamily() {
        String text = "Summarise the attached contract in three bullet points, in German.";

        assertEquals(counter.count("gpt-4o", text), counter.count("gpt-4o-2024-08-06", text));
        assertEquals(counter.count("gpt-4", text), counter.count("gpt-4-0613", text));
    }

    @Test
    void theTwoEncodingsReallyDiffer() {
        // The cookbook's Japanese example is 8 tokens in o200k_base and 9 in cl100k_base: so the family
        // choice is visible in the number, not only in the label.
        assertNotEquals(counter.count("gpt-4o", "お誕生日おめでとう").tokens(), counter.count("gpt-4", "お誕生日おめでとう").tokens());
        assertEquals(counter.count("gpt-4o", "お誕生日おめでとう"), counter.count("gpt-4.1-nano", "お誕生日おめでとう"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"claude-3-5-sonnet-20241022", "gemini-1.5-flash", "llama3-local", "mistral-large",
            "o2", "gpt-4.7", "gpt-40", "o1x", "gpt-5.1", ""})
    void anyOtherModelIsAnO200kEstimateNotAnExactCount(String model) {
        String text = "Explain the difference between a mutex and a semaphore.";

        TokenCount count = counter.count(model, text);

        assertFalse(count.exact(), model);
        assertEquals("estimate", count.method());
        assertEquals("o200k_base", count.basis());
        assertEquals(counter.count("gpt-4o", text).tokens(), count.tokens());
    }

    @Test
    void aMissingModelIsAnEstimateToo() {
        assertFalse(counter.count(null, "hello world").exact());
        assertEquals(2, counter.count(null, "hello world").tokens());
    }

    @Test
    void nothingIsNoTokens() {
        assertEquals(new TokenCount(0, true, "o200k_base"), counter.count("gpt-4o", ""));
        assertEquals(0, counter.count("gpt-4o", null).tokens());
    }

    @Test
    void specialTokenTextInAPromptIsCountedAsOrdinaryText() {
        // As plain text "<|endoftext|>" is several tokens; as the special token it would be one.
        assertTrue(counter.count("gpt-4o", "<|endoftext|>").tokens() > 1);
    }

    @Test
    void withoutAModelItKeepsTheCharsPerFourEstimate() {
        EstimatingTokenCounter estimate = new EstimatingTokenCounter();
        String text = "x".repeat(4001);

        assertEquals(estimate.count(text), counter.count(text));
        assertEquals(1001, counter.count(text));
        assertEquals("estimate", counter.method());
    }

    @Test
    void encodingsAreLoadedOnceAndShared() {
        assertSame(ModelEncodings.forModel("gpt-4o").encoding(), ModelEncodings.forModel("gpt-5").encoding());
        assertSame(ModelEncodings.forModel("gpt-4o").encoding(), ModelEncodings.forModel("claude-3").encoding());
        assertSame(ModelEncodings.forModel("gpt-4").encoding(), ModelEncodings.forModel("gpt-3.5-turbo").encoding());
    }

    @Test
    void countsTheSameUnderAParallelStream() {
        List<String> models = List.of("gpt-4o", "gpt-4", "claude-3-5-haiku-20241022", "o3-mini");
        List<String> texts = IntStream.range(0, 400)
                .mapToObj(i -> "Request " + i + ": " + "route this prompt to the cheapest model ".repeat(1 + i % 7) + "お誕生日".repeat(i % 3))
                .collect(Collectors.toList());
        List<TokenCount> sequential = texts.stream().map(t -> counter.count(models.get(t.length() % 4), t)).collect(Collectors.toList());

        for (int round = 0; round < 5; round++) {
            List<TokenCount> parallel = texts.parallelStream().map(t -> counter.count(models.get(t.length() % 4), t))
                    .collect(Collectors.toList());
            assertEquals(sequential, parallel);
        }
    }

    @Test
    void unroutedAsciiKeepsTheRuleOfThumbAndOtherScriptsTheVocabularysCount() {
        String english = "Explain how a hash map resolves collisions.";
        String russian = "Объясните, как хеш-таблица разрешает коллизии.";
        String japanese = "お誕生日おめでとう";

        assertEquals(counter.count(english), counter.countUnrouted(english));
        assertEquals(12, counter.count(russian));
        assertTrue(counter.countUnrouted(russian) > 12, "its Cyrillic words are counted with the vocabulary");
        assertEquals(8, counter.countUnrouted(japanese), "o200k_base's count, not 9 characters over 4 (3)");
        assertEquals(0, counter.countUnrouted(""));
        assertEquals(0, counter.countUnrouted(null));
    }

    @Test
    void theRuleOfThumbAloneCountsEveryScriptByItsCharacters() {
        EstimatingTokenCounter estimate = new EstimatingTokenCounter();

        assertEquals(3, estimate.countUnrouted("お誕生日おめでとう"));
    }

    @Test
    void pastItsTokenizingBudgetATextIsCountedAtTheRateOfWhatWasTokenized() {
        String start = "数据库索引如何加速查询？".repeat(UnroutedCount.TOKENIZED_CHARS / 12 + 1)
                .substring(0, UnroutedCount.TOKENIZED_CHARS);
        int startTokens = counter.countUnrouted(start);

        int twice = counter.countUnrouted(start + start);

        assertEquals(startTokens * 2, twice, 1.0, "the second half is counted at the first half's rate");
        assertTrue(twice > counter.count(start + start), "still above four characters a token");
    }

    @Test
    void asciiIsCountedAtFourCharactersATokenAndOtherRunsWithTheVocabulary() {
        String question = "请解释下面的代码：";
        String code = "for (int i = 0; i < items.size(); i++) { total += items.get(i).price(); }\n".repeat(400);
        String system = "You are a careful reviewer. ".repeat(600);

        int counted = counter.countUnrouted(system + question + code);

        double expected = (system.length() + code.length()) / 4.0 + counter.count("", question).tokens();
        assertEquals(expected, counted, 1.0, "English before and after the question counts as English");
    }

    @Test
    void anEnglishPromptWithACurlyQuoteIsNotTokenized() {
        TokenCounter refusing = new TokenCounter() {
            @Override
            public int count(String text) {
                return counter.count(text);
            }

            @Override
            public String method() {
                return "estimate";
            }

            @Override
            public TokenCount count(String model, String text) {
                if (text.chars().anyMatch(c -> c < 0x80)) {
                    throw new AssertionError("ASCII text was tokenized: " + text);
                }
                return counter.count(model, text);
            }
        };
        String prompt = "Explain the difference between a process and a thread. ".repeat(50) + "It’s urgent.";

        assertEquals(counter.count(prompt), refusing.countUnrouted(prompt), 1.0, "the quote is one token");
        assertEquals(counter.count("plain"), refusing.countUnrouted("plain"));
    }

    @Test
    void aRunCutAtTheBudgetKeepsItsSurrogatePairsWhole() {
        String text = "é".repeat(UnroutedCount.TOKENIZED_CHARS - 1) + "😀".repeat(100);

        assertTrue(counter.countUnrouted(text) >= counter.count(text));
    }

    @Test
    void aStrayLowSurrogateDoesNotBreakTheCount() {
        String text = "\uDC00" + "x".repeat(100);

        assertTrue(counter.countUnrouted(text) >= counter.count(text));
    }
}
