package dev.switchboard.routing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A set of {@link ScanTerm}s compiled once into the tables a {@link PromptScan} reads while it walks a
 * prompt: every word any term needs is numbered in a {@link WordTable}, and for each word number the
 * scan finds what the word can complete (a word term, the end of a phrase, a declaration keyword, one
 * side of a proximity pair). Each term gets one bit in the scan's findings.
 */
final class ScanVocabulary {

    static final int NONE = -1;

    private final Map<ScanTerm, Integer> bits = new LinkedHashMap<>();
    private final WordTable words;
    private final int[] wordBit;
    private final int[] plainDeclarationBit;
    private final int[] parenthesisDeclarationBit;
    private final int[][] phrasesEndingWith;
    private final int[][] phraseWords;
    private final int[] phraseBit;
    private final int longestPhrase;
    private final int[][] pairsStartingWith;
    private final int[][] pairsEndingWith;
    private final int[] pairReach;
    private final int[] pairBit;
    private final char[][] prefixChars;
    private final int[] prefixMinLength;
    private final int[] prefixBit;
    /** Prefixes by their first character, so most words try none: ASCII ones by the character, the rest together. */
    private final int[][] asciiPrefixesByFirst;
    private final int[] otherPrefixes;
    /** Per word number: whether the word ends a phrase, is part of a pair or is a declaration keyword. */
    private final boolean[] completesMore;
    private final ShapeFilter shapes;

    ScanVocabulary(Collection<? extends ScanTerm> terms) {
        Set<String> needed = new LinkedHashSet<>();
        List<ScanTerm.Phrase> phrases = new ArrayList<>();
        List<ScanTerm.WordThenWithin> pairs = new ArrayList<>();
        List<ScanTerm.Prefix> prefixes = new ArrayList<>();
        for (ScanTerm term : terms) {
            if (bits.putIfAbsent(term, bits.size()) != null) {
                continue;
            }
            if (term instanceof ScanTerm.Word w) {
                needed.add(w.text());
            } else if (term instanceof ScanTerm.Declaration d) {
                needed.add(d.keyword());
            } else if (term instanceof ScanTerm.Phrase p) {
                needed.addAll(p.words());
                phrases.add(p);
            } else if (term instanceof ScanTerm.WordThenWithin pair) {
                needed.add(pair.first());
                needed.add(pair.then());
                pairs.add(pair);
            } else if (term instanceof ScanTerm.Prefix prefix) {
                prefixes.add(prefix);
            }
        }
        words = new WordTable(List.copyOf(needed));
        int size = words.size();
        wordBit = filled(size);
        plainDeclarationBit = filled(size);
        parenthesisDeclarationBit = filled(size);
        for (ScanTerm term : bits.keySet()) {
            if (term instanceof ScanTerm.Word w) {
                wordBit[id(w.text())] = bit(term);
            } else if (term instanceof ScanTerm.Declaration d) {
                (d.withParenthesis() ? parenthesisDeclarationBit : plainDeclarationBit)[id(d.keyword())] = bit(term);
            }
        }

        phraseWords = phrases.stream().map(p -> p.words().stream().mapToInt(this::id).toArray()).toArray(int[][]::new);
        phraseBit = phrases.stream().mapToInt(this::bit).toArray();
        phrasesEndingWith = indexBy(size, phraseWords.length, i -> phraseWords[i][phraseWords[i].length - 1]);
        longestPhrase = Arrays.stream(phraseWords).mapToInt(w -> w.length).max().orElse(1);

        pairsStartingWith = indexBy(size, pairs.size(), i -> id(pairs.get(i).first()));
        pairsEndingWith = indexBy(size, pairs.size(), i -> id(pairs.get(i).then()));
        pairReach = pairs.stream().mapToInt(p -> p.maxChars() + p.first().length()).toArray();
        pairBit = pairs.stream().mapToInt(this::bit).toArray();

        prefixChars = prefixes.stream().map(p -> p.start().toCharArray()).toArray(char[][]::new);
        prefixMinLength = prefixes.stream().mapToInt(ScanTerm.Prefix::minLength).toArray();
        prefixBit = prefixes.stream().mapToInt(this::bit).toArray();
        asciiPrefixesByFirst = indexBy(128, prefixChars.length, i -> prefixChars[i][0] < 128 ? prefixChars[i][0] : -1);
        otherPrefixes = java.util.stream.IntStream.range(0, prefixChars.length)
                .filter(i -> prefixChars[i][0] >= 128).toArray();
        shapes = new ShapeFilter(needed, prefixes);
        completesMore = new boolean[size];
        for (int id = 0; id < size; id++) {
            completesMore[id] = phrasesEndingWith[id].length > 0 || pairsStartingWith[id].length > 0
                    || pairsEndingWith[id].length > 0 || plainDeclarationBit[id] != NONE
                    || parenthesisDeclarationBit[id] != NONE;
        }
    }

    /** The bit of a term, or {@link #NONE} when the vocabulary does not look for it. */
    int bit(ScanTerm term) {
        return bits.getOrDefault(term, NONE);
    }

    int bitCount() {
        return bits.size();
    }

    /** Every term looked for, each once, in the order of their bits. */
    Set<ScanTerm> terms() {
        return java.util.Collections.unmodifiableSet(bits.keySet());
    }

    /** The terms of {@code rule} as a mask over a scan's findings; every term must be in this vocabulary. */
    TermMask mask(KeywordRule rule) {
        long[] mask = new long[TermMask.longsFor(bitCount())];
        for (ScanTerm term : rule.terms()) {
            int bit = bit(term);
            if (bit == NONE) {
                throw new IllegalArgumentException("not in the scan's vocabulary: " + term);
            }
            mask[bit >>> 6] |= 1L << bit;
        }
        return new TermMask(mask);
    }

    /** False when no term can match a word of this {@link WordChars#shape}; true says "look closer". */
    boolean mayMatch(int shape) {
        return shapes.mayMatch(shape);
    }

    ShapeFilter shapes() {
        return shapes;
    }

    WordTable words() {
        return words;
    }

    /** The bit of word {@code id} as a word term, or {@link #NONE} when it is only part of other terms. */
    int wordBit(int id) {
        return wordBit[id];
    }

    int declarationBit(int id, boolean withParenthesis) {
        return (withParenthesis ? parenthesisDeclarationBit : plainDeclarationBit)[id];
    }

    /** Phrases whose last word is word {@code id}, as indexes for {@link #phraseWords} and {@link #phraseBit}. */
    int[] phrasesEndingWith(int id) {
        return phrasesEndingWith[id];
    }

    int[] phraseWords(int phrase) {
        return phraseWords[phrase];
    }

    int phraseBit(int phrase) {
        return phraseBit[phrase];
    }

    int longestPhrase() {
        return longestPhrase;
    }

    int pairCount() {
        return pairBit.length;
    }

    int[] pairsStartingWith(int id) {
        return pairsStartingWith[id];
    }

    int[] pairsEndingWith(int id) {
        return pairsEndingWith[id];
    }

    /** How far after the first word's start the second may start: the first word's length plus maxChars. */
    int pairReach(int pair) {
        return pairReach[pair];
    }

    int pairBit(int pair) {
        return pairBit[pair];
    }

    /**
     * Whether word {@code id} can complete anything beyond its own word term: a phrase, a pair, a
     * declaration. Most words cannot, and the scan then skips those look-ups.
     */
    boolean completesMore(int id) {
        return completesMore[id];
    }

    /** The prefixes a word whose folded first character is {@code first} may start with. */
    int[] prefixesStartingWith(char first) {
        return first < 128 ? asciiPrefixesByFirst[first] : otherPrefixes;
    }

    char[] prefixChars(int prefix) {
        return prefixChars[prefix];
    }

    int prefixMinLength(int prefix) {
        return prefixMinLength[prefix];
    }

    int prefixBit(int prefix) {
        return prefixBit[prefix];
    }

    private int id(String word) {
        return words.find(word);
    }

    private static int[] filled(int size) {
        int[] array = new int[size];
        Arrays.fill(array, NONE);
        return array;
    }

    /** For each key from 0 to size - 1, the items (0 to count - 1) with that key; a negative key is left out. */
    private static int[][] indexBy(int size, int count, java.util.function.IntUnaryOperator key) {
        List<List<Integer>> lists = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            lists.add(new ArrayList<>());
        }
        for (int item = 0; item < count; item++) {
            int at = key.applyAsInt(item);
            if (at >= 0) {
                lists.get(at).add(item);
            }
        }
        return lists.stream().map(l -> l.stream().mapToInt(Integer::intValue).toArray()).toArray(int[][]::new);
    }
}
