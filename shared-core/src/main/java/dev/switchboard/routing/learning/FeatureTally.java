package dev.switchboard.routing.learning;

import java.util.Arrays;

/**
 * The counts behind {@link PromptFeatures}, taken in one left-to-right pass that a reader drives: it
 * hands over each maximal run of ASCII letters, each maximal run of ASCII digits and every other
 * character, in the order they occur. The router's prompt scan drives it from its own pass so that a
 * prompt is read once for both; {@link #readAll} drives it alone. Everything is decided at the
 * position reached (a number joins the one before across "." or "," by looking back; the first
 * answer-option line is recognised at the line break before it), so no second pass is needed.
 *
 * <p>One tally per prompt; not thread-safe.
 */
public final class FeatureTally {

    /** What a character other than a letter or digit counts as: an index into {@link #marks}. */
    private static final int IGNORED = 0;
    private static final int LINE = 1;
    private static final int QUOTE = 2;
    private static final int MATH = 3;
    private static final int MONEY_PERCENT = 4;
    private static final int PARENTHESIS = 5;
    private static final int QUESTION = 6;
    /** "." and "!": like QUESTION, they may end a sentence; kinds from QUESTION on do. */
    private static final int STOP = 7;
    private static final byte[] MARK_KINDS = markKinds();

    private final String text;
    private final int n;
    /** Where the first answer-option line starts, or -1 while none has been seen. */
    private int optionStart = -1;
    private int words;
    private int numbers;
    private int decimals;
    private boolean numberIsDecimal;
    private int numberWords;
    private int longWords;
    private int capitalised;
    private long letters;
    /** Per mark kind, how many there were: counted without a branch on the kind (readers skip spaces). */
    private final int[] marks = new int[STOP + 1];
    private int sentences;
    private boolean negation;

    /** A tally of {@code text}, which its reader must hand over whole, from the start. */
    public FeatureTally(String text) {
        this.text = text;
        this.n = text.length();
        lineStartsAt(0);
    }

    /** The features of {@code text} in a pass of the tally's own. */
    public static FeatureTally readAll(String text) {
        FeatureTally tally = new FeatureTally(text);
        int n = text.length();
        int i = 0;
        while (i < n) {
            int start = i;
            char c = text.charAt(i);
            if (isAsciiLetter(c)) {
                do {
                    i++;
                } while (i < n && isAsciiLetter(text.charAt(i)));
                tally.letterRun(start, i);
            } else if (isDigit(c)) {
                do {
                    i++;
                } while (i < n && isDigit(text.charAt(i)));
                tally.digitRun(start, i);
            } else if (c != ' ') {
                tally.other(c, i++);
            } else {
                i++;
            }
        }
        return tally;
    }

    /** A stretch {@code text[start, end)} of any characters, all of which the reader hands over here. */
    public void mixed(int start, int end) {
        int i = start;
        while (i < end) {
            int from = i;
            char c = text.charAt(i);
            if (isAsciiLetter(c)) {
                do {
                    i++;
                } while (i < end && isAsciiLetter(text.charAt(i)));
                letterRun(from, i);
            } else if (isDigit(c)) {
                do {
                    i++;
                } while (i < end && isDigit(text.charAt(i)));
                digitRun(from, i);
            } else {
                other(c, i++);
            }
        }
    }

    /**
     * A maximal run of ASCII letters: one word. Kept small enough to be inlined into a reader's loop;
     * only the few words whose first letter and length some listed word has are looked at closer.
     */
    public void letterRun(int start, int end) {
        int length = end - start;
        words++;
        letters += length;
        longWords += length > 8 ? 1 : 0;
        char first = text.charAt(start);
        capitalised += first <= 'Z' ? 1 : 0;
        if (ListedWords.mayBeListed(first, length)) {
            listedWord(start, end, first, length);
        }
    }

    /**
     * A maximal run of ASCII letters whose plain counts (word, letters, long word, capitalised) the
     * reader keeps itself and hands over at the end with {@link #addLetterRuns}: the scan's loop then
     * keeps them in registers. Only the rare listed words are looked at here.
     *
     * @param first  the run's first character, as it is
     * @param second its second character, in either case ({@code first} again for a one-letter run)
     */
    public void letterRunCountedByReader(int start, int end, char first, char second) {
        int length = end - start;
        if (ListedWords.mayBeListed(first, second, length)) {
            listedWord(start, end, first, length);
        }
    }

    /** The plain counts of the runs a reader handed over with {@link #letterRunCountedByReader}. */
    public void addLetterRuns(int runs, long runLetters, int longRuns, int capitalisedRuns) {
        words += runs;
        letters += runLetters;
        longWords += longRuns;
        capitalised += capitalisedRuns;
    }

    /** A word that may be a number word or an emphasised negation. */
    private void listedWord(int start, int end, char first, int length) {
        char second = length > 1 ? text.charAt(start + 1) : first;
        if (ListedWords.isNumberWord(text, start, end, first, second)) {
            numberWords++;
        }
        // Both first letters upper case (bit 0x20 clear) is one test, rarely passed.
        if (((first | second) & 0x20) == 0 && !negation && optionStart < 0
                && ListedWords.isCapitalNegation(text, start, end)) {
            negation = true;
        }
    }

    /** A maximal run of ASCII digits: a number, or more of the one before it across one "." or ",". */
    public void digitRun(int start, int end) {
        char before = start > 0 ? text.charAt(start - 1) : ' ';
        if (start >= 2 && (before == '.' || before == ',') && isDigit(text.charAt(start - 2))) {
            // "3.5" and "1,200" are one quantity.
            if (before == '.' && !numberIsDecimal) {
                decimals++;
                numberIsDecimal = true;
            }
            return;
        }
        numbers++;
        numberIsDecimal = false;
    }

    /** A character that is neither an ASCII letter nor an ASCII digit, at {@code at}. */
    public void other(char c, int at) {
        if (c >= MARK_KINDS.length) {
            return;
        }
        int kind = MARK_KINDS[c];
        marks[kind]++;
        if (kind == LINE) {
            lineStartsAt(at + 1);
        } else if (kind >= QUESTION) {
            sentenceMark(at);
        }
    }

    /** Writes the {@link PromptFeatures#COUNT} features into {@code into[0..COUNT)}. */
    public void writeTo(double[] into) {
        if (into.length < PromptFeatures.COUNT) {
            throw new IllegalArgumentException("need room for " + PromptFeatures.COUNT + " features, got " + into.length);
        }
        int stemEnd = optionStart < 0 ? n : optionStart;
        int lines = marks[LINE];
        boolean quote = marks[QUOTE] > 0;
        int math = marks[MATH];
        int moneyPercent = marks[MONEY_PERCENT];
        int questionMarks = marks[QUESTION];
        int parentheses = marks[PARENTHESIS];
        int tokens = words + numbers;
        int optionChars = n - stemEnd;
        into[0] = Math.log1p(n);
        into[1] = Math.log1p(words);
        into[2] = share(letters, words);
        into[3] = share(longWords, words);
        into[4] = share(numbers, tokens);
        into[5] = Math.log1p(numbers);
        into[6] = Math.log1p(numbers + numberWords);
        into[7] = Math.log1p(lines);
        into[8] = quote ? 1 : 0;
        into[9] = Math.log1p(sentences);
        into[10] = optionChars > 0 ? 1 : 0;
        into[11] = Math.log1p(stemEnd);
        into[12] = Math.log1p(optionChars);
        into[13] = share(optionChars, n);
        into[14] = Math.log1p(math);
        into[15] = Math.log1p(moneyPercent);
        into[16] = Math.log1p(questionMarks);
        into[17] = share(capitalised, words);
        into[18] = Math.log1p(words / (double) Math.max(1, sentences));
        into[19] = share(decimals, numbers);
        into[20] = Math.log1p(parentheses);
        into[21] = negation ? 1 : 0;
    }

    /** The features once the whole prompt has been handed over; no more may be counted after. */
    public FeatureVector features() {
        return new FeatureVector(this);
    }

    private static byte[] markKinds() {
        byte[] kinds = new byte[128];
        Arrays.fill(kinds, (byte) IGNORED);
        kinds['\n'] = LINE;
        kinds['"'] = QUOTE;
        for (char c : "+*/=^<>".toCharArray()) {
            kinds[c] = MATH;
        }
        kinds['$'] = MONEY_PERCENT;
        kinds['%'] = MONEY_PERCENT;
        kinds['('] = PARENTHESIS;
        kinds['?'] = QUESTION;
        kinds['.'] = STOP;
        kinds['!'] = STOP;
        return kinds;
    }

    /** An answer-option line ("A. ", ..., "D. ") starting here ends the stem, if none has before. */
    private void lineStartsAt(int i) {
        if (optionStart < 0 && i + 2 < n) {
            char c = text.charAt(i);
            if (c >= 'A' && c <= 'D' && text.charAt(i + 1) == '.' && text.charAt(i + 2) == ' ') {
                optionStart = i;
            }
        }
    }

    /** ".", "?" or "!" ends a sentence of the stem when whitespace or the end follows. */
    private void sentenceMark(int at) {
        if (optionStart < 0 && (at + 1 == n || Character.isWhitespace(text.charAt(at + 1)))) {
            sentences++;
        }
    }

    private static double share(long part, long whole) {
        return whole == 0 ? 0 : part / (double) whole;
    }

    static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
