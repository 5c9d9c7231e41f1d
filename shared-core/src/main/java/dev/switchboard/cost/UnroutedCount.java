package dev.switchboard.cost;

/**
 * Counts text before a model is chosen ({@link TokenCounter#countUnrouted(String)}). ASCII characters
 * keep the rule of thumb, four a token, and are never tokenized, so an English prompt with one curly
 * quote costs no tokenizing. Each run of other characters is tokenized on its own with the model-less
 * vocabulary, up to {@link #TOKENIZED_CHARS} characters in all: tokenizing an unspaced script costs
 * about a third of a microsecond a character here ({@code PromptTokensBenchmark}); runs past that are
 * counted at the rate the tokenized ones gave. The result is never below the rule of thumb.
 */
final class UnroutedCount {

    /** How many non-ASCII characters of one text are tokenized at most. */
    static final int TOKENIZED_CHARS = 2_048;

    private static final double CHARS_PER_TOKEN = 4.0;

    private UnroutedCount() {
    }

    static int of(TokenCounter counter, String text) {
        int ruleOfThumb = counter.count(text);
        if (text == null) {
            return ruleOfThumb;
        }
        long ascii = 0;
        long tokenizedChars = 0;
        long tokenizedCodePoints = 0;
        long tokens = 0;
        long untokenizedCodePoints = 0;
        int i = 0;
        while (i < text.length()) {
            if (text.charAt(i) < 0x80) {
                ascii++;
                i++;
                continue;
            }
            int end = i;
            while (end < text.length() && text.charAt(end) >= 0x80) {
                end++;
            }
            int cut = (int) Math.min(end, i + Math.max(0, TOKENIZED_CHARS - tokenizedChars));
            if (cut < end && cut > i && Character.isHighSurrogate(text.charAt(cut - 1))) {
                cut--; // a surrogate pair stays whole
            }
            if (cut > i) {
                tokens += counter.count("", text.substring(i, cut)).tokens();
                tokenizedChars += cut - i;
                tokenizedCodePoints += text.codePointCount(i, cut);
            }
            untokenizedCodePoints += text.codePointCount(cut, end);
            i = end;
        }
        if (tokenizedCodePoints == 0 && untokenizedCodePoints == 0) {
            return ruleOfThumb;
        }
        double perCodePoint = tokenizedCodePoints == 0 ? 1.0 : tokens / (double) tokenizedCodePoints;
        double total = ascii / CHARS_PER_TOKEN + tokens + untokenizedCodePoints * perCodePoint;
        return (int) Math.max(ruleOfThumb, Math.min(Integer.MAX_VALUE, Math.ceil(total)));
    }
}
