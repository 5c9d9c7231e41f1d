package dev.switchboard.routing;

import dev.switchboard.routing.learning.FeatureTally;
import dev.switchboard.routing.learning.FeatureVector;

import java.util.Optional;

/**
 * One pass over a prompt that every keyword rule then reads: which terms of a {@link ScanVocabulary}
 * occur in it, as bits, and how many question marks it has. Words are runs of letters, digits and
 * underscores (a regular expression's \w; "c++" kept whole), folded to lower case one character at a
 * time; the few that may be terms are looked up in the vocabulary's word table in place, so the pass
 * makes no String per word and its cost does not depend on how many rules there are. When asked, the
 * same pass also counts the difficulty learner's features ({@link FeatureTally}), so that a prompt is
 * read once for the rules and the learner.
 */
final class PromptScan {

    private final String text;
    private final int end;
    private final ScanVocabulary vocabulary;
    private final WordTable words;
    private final long[] found;
    private final PhraseWindow window;
    /** Where the latest vocabulary word ended; -1 before any. */
    private int lastVocabularyEnd = -1;
    /** Per proximity pair, where its first word last started; -1 before any. */
    private final int[] pairFirstStart;
    /** The arithmetic shape's bit, or NONE once found (or when the vocabulary does not look for it). */
    private int arithmeticBit;
    private int questions;
    /** Counts the learner's features while reading; null when not asked or the prompt is cut. */
    private final FeatureTally tally;

    /** Scans all of {@code prompt} for the terms of every rule the analyzer runs. */
    PromptScan(String prompt) {
        this(prompt, prompt.length(), PromptVocabulary.RULES);
    }

    /** Scans the first {@code limit} characters of {@code prompt}, as if the rest were not there. */
    PromptScan(String prompt, int limit, ScanVocabulary vocabulary) {
        this(prompt, limit, vocabulary, false);
    }

    /**
     * Scans as above and, when {@code learnerFeatures} is set and the limit leaves the prompt whole,
     * counts the learner's features in the same pass (they are of the whole prompt, so a cut one has none).
     */
    PromptScan(String prompt, int limit, ScanVocabulary vocabulary, boolean learnerFeatures) {
        this.tally = learnerFeatures && limit >= prompt.length() ? new FeatureTally(prompt) : null;
        this.text = prompt;
        this.end = Math.min(limit, prompt.length());
        this.vocabulary = vocabulary;
        this.words = vocabulary.words();
        this.found = new long[TermMask.longsFor(vocabulary.bitCount())];
        this.window = new PhraseWindow(vocabulary.longestPhrase());
        this.pairFirstStart = new int[vocabulary.pairCount()];
        java.util.Arrays.fill(pairFirstStart, -1);
        this.arithmeticBit = vocabulary.bit(ScanTerm.Shape.ARITHMETIC);
        readWords();
    }

    /** Whether the scan found {@code term}; the term must be in the scan's vocabulary. */
    boolean has(ScanTerm term) {
        int bit = vocabulary.bit(term);
        if (bit == ScanVocabulary.NONE) {
            throw new IllegalArgumentException("not in the scan's vocabulary: " + term);
        }
        return (found[bit >>> 6] & (1L << bit)) != 0;
    }

    /** Whether the scan found any term whose bit is set in {@code mask}. */
    boolean foundAny(long[] mask) {
        for (int k = 0; k < mask.length; k++) {
            if ((found[k] & mask[k]) != 0) {
                return true;
            }
        }
        return false;
    }

    int questions() {
        return questions;
    }

    /** The learner's features of the whole prompt, when they were asked for and it was read whole. */
    Optional<FeatureVector> learnerFeatures() {
        return tally == null ? Optional.empty() : Optional.of(tally.features());
    }

    /**
     * The hot loop: every character passes here, and most words end at the shape test, so those stay
     * inline and the rarer work (marks, candidate words) is called out of it.
     */
    private void readWords() {
        String text = this.text;
        int end = this.end;
        FeatureTally tally = this.tally;
        ShapeFilter shapes = vocabulary.shapes();
        int previousEnd = -1;
        // The learner's plain counts of letter runs, kept here in registers and handed over at the end.
        int runs = 0;
        long runLetters = 0;
        int longRuns = 0;
        int capitalisedRuns = 0;
        int i = 0;
        while (i < end) {
            char c = text.charAt(i);
            if (c == ' ') {
                // Most of what is not a word: nothing looks at it.
                i++;
                continue;
            }
            int code = WordChars.code(c);
            if (code == 0) {
                if (c == '?') {
                    questions++;
                } else if (c == '`' || TextShapes.isOperator(c)) {
                    noteMark(c, i);
                }
                if (tally != null) {
                    tally.other(c, i);
                }
                i++;
                continue;
            }
            int start = i++;
            char first = (char) code;
            char second = first;
            // Negative once a character is not an ASCII letter: the learner then splits the word up.
            int lettersOnly = code;
            // The character after the word, when it was read: a space is then stepped over at once.
            char after = 0;
            if (i < end) {
                char d = text.charAt(i);
                int next = WordChars.code(d);
                if (next != 0) {
                    second = (char) next;
                    lettersOnly |= next;
                    for (i++; i < end; i++) {
                        d = text.charAt(i);
                        next = WordChars.code(d);
                        if (next == 0) {
                            after = d;
                            break;
                        }
                        lettersOnly |= next;
                    }
                } else if (first == 'c' && i + 2 <= end && d == '+' && text.charAt(i + 1) == '+') {
                    second = '+';
                    i += 2;
                    lettersOnly = -1;
                } else {
                    after = d;
                }
            }
            if (tally != null) {
                if (lettersOnly >= 0) {
                    int length = i - start;
                    runs++;
                    runLetters += length;
                    longRuns += length > 8 ? 1 : 0;
                    capitalisedRuns += c <= 'Z' ? 1 : 0;
                    tally.letterRunCountedByReader(start, i, c, second);
                } else {
                    tally.mixed(start, i);
                }
            }
            int shape = WordChars.shape(first, second, i - start);
            if (shapes.mayMatch(shape)) {
                boolean packable = lettersOnly >= 0 && i - start <= WordTable.PACKED_LETTERS;
                onWord(start, i, first, shape, previousEnd, packable);
            }
            previousEnd = i;
            if (after == ' ') {
                i++;
            }
        }
        if (tally != null) {
            tally.addLetterRuns(runs, runLetters, longRuns, capitalisedRuns);
        }
    }

    private void noteMark(char c, int at) {
        if (c == '`') {
            if (at + 3 <= end && text.charAt(at + 1) == '`' && text.charAt(at + 2) == '`') {
                set(vocabulary.bit(ScanTerm.Shape.CODE_FENCE));
            }
        } else if (arithmeticBit != ScanVocabulary.NONE && TextShapes.arithmeticAround(text, at, end)) {
            set(arithmeticBit);
            arithmeticBit = ScanVocabulary.NONE;
        }
    }

    /**
     * A word whose shape some term has: the full look-ups. What only a few words need (prefixes,
     * phrases, pairs, declarations) sits behind one cheap test each.
     *
     * @param packable whether the word is at most {@link WordTable#PACKED_LETTERS} ASCII letters, and so
     *                 is found by its {@link WordTable#pack packed} letters
     */
    private void onWord(int start, int wordEnd, char first, int shape, int previousEnd, boolean packable) {
        if (vocabulary.shapes().mayStartPrefix(shape)) {
            matchPrefixes(start, wordEnd, first);
        }
        int id = packable ? words.findPacked(WordTable.pack(text, start, wordEnd))
                : words.find(text, start, wordEnd, shape);
        if (id == WordTable.ABSENT) {
            return;
        }
        // Joined only to a vocabulary word right before it: any other word between breaks a phrase.
        boolean joined = previousEnd >= 0 && previousEnd == lastVocabularyEnd && start == previousEnd + 1
                && (text.charAt(previousEnd) == ' ' || text.charAt(previousEnd) == '-');
        window.push(id, joined);
        lastVocabularyEnd = wordEnd;
        set(vocabulary.wordBit(id));
        if (vocabulary.completesMore(id)) {
            matchPhrases(id);
            matchPairs(id, start);
            matchDeclarations(id, wordEnd);
        }
    }

    private void matchPrefixes(int start, int wordEnd, char first) {
        for (int p : vocabulary.prefixesStartingWith(first)) {
            char[] prefix = vocabulary.prefixChars(p);
            if (wordEnd - start >= vocabulary.prefixMinLength(p)
                    && WordTable.sameFolded(prefix, text, start, start + prefix.length)) {
                set(vocabulary.prefixBit(p));
            }
        }
    }

    private void matchPhrases(int id) {
        for (int phrase : vocabulary.phrasesEndingWith(id)) {
            if (window.endsWith(vocabulary.phraseWords(phrase))) {
                set(vocabulary.phraseBit(phrase));
            }
        }
    }

    /** The second word checks the latest first word before this word can itself count as a first. */
    private void matchPairs(int id, int start) {
        for (int pair : vocabulary.pairsEndingWith(id)) {
            if (pairFirstStart[pair] >= 0 && start - pairFirstStart[pair] <= vocabulary.pairReach(pair)) {
                set(vocabulary.pairBit(pair));
            }
        }
        for (int pair : vocabulary.pairsStartingWith(id)) {
            pairFirstStart[pair] = start;
        }
    }

    /** A declaration keyword, one space, then a name that starts right there; with '(' right after it. */
    private void matchDeclarations(int id, int wordEnd) {
        int plain = vocabulary.declarationBit(id, false);
        int withParenthesis = vocabulary.declarationBit(id, true);
        if ((plain == ScanVocabulary.NONE && withParenthesis == ScanVocabulary.NONE) || wordEnd + 1 >= end
                || text.charAt(wordEnd) != ' ' || !WordChars.isWordChar(text.charAt(wordEnd + 1))) {
            return;
        }
        set(plain);
        int nameEnd = wordEnd + 1;
        while (nameEnd < end && WordChars.isWordChar(text.charAt(nameEnd))) {
            nameEnd++;
        }
        if (nameEnd < end && text.charAt(nameEnd) == '(') {
            set(withParenthesis);
        }
    }

    private void set(int bit) {
        if (bit != ScanVocabulary.NONE) {
            found[bit >>> 6] |= 1L << bit;
        }
    }
}
