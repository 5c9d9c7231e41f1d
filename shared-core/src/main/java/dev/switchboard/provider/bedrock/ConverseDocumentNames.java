package dev.switchboard.provider.bedrock;

import java.util.Locale;
import java.util.Set;

/**
 * A file's name as Converse takes it: letters, digits, single spaces, hyphens, parentheses and square
 * brackets only, and no two files of a request under one name. The caller's name keeps what fits (its
 * extension left out), anything else becomes a space; a file without a usable name is "document".
 */
final class ConverseDocumentNames {

    static final int MAX_CHARS = 200;

    private ConverseDocumentNames() {
    }

    /**
     * A name for {@code filename} (null when none) that none of {@code taken} has, letter case aside; it is
     * added to them (lower-cased). A number that makes it unique is fitted inside {@link #MAX_CHARS}.
     */
    static String unique(String filename, Set<String> taken) {
        String base = of(filename);
        String name = base;
        for (int n = 2; !taken.add(name.toLowerCase(Locale.ROOT)); n++) {
            String suffix = " (" + n + ")";
            name = base.substring(0, Math.min(base.length(), MAX_CHARS - suffix.length())).strip() + suffix;
        }
        return name;
    }

    static String of(String filename) {
        if (filename == null) {
            return "document";
        }
        int dot = filename.lastIndexOf('.');
        String stem = dot > 0 ? filename.substring(0, dot) : filename;
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < stem.length() && out.length() < MAX_CHARS; i++) {
            char c = stem.charAt(i);
            boolean kept = (c < 128 && Character.isLetterOrDigit(c)) || c == '-' || c == '(' || c == ')' || c == '['
                    || c == ']';
            if (kept) {
                out.append(c);
            } else if (!out.isEmpty() && out.charAt(out.length() - 1) != ' ') {
                out.append(' ');
            }
        }
        String name = out.toString().strip();
        return name.isEmpty() ? "document" : name;
    }
}
