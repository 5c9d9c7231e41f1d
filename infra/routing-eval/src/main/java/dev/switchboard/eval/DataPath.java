package dev.switchboard.eval;

import java.nio.file.Path;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code --train} or {@code --test} argument: a CSV file or folder, or part K of N of it, written
 * {@code PATH@K/N}. The parts of one path are a seeded partition of its prompts ({@link PromptSplit}), so
 * {@code gsm8k@1/2} for training and {@code gsm8k@2/2} for testing never share a prompt.
 *
 * @param path  the file or folder
 * @param part  which part, from 1
 * @param parts how many parts; 1 means the whole path
 */
public record DataPath(Path path, int part, int parts) {

    private static final Pattern PART = Pattern.compile("(.+)@([0-9]{1,3})/([0-9]{1,3})");

    public DataPath {
        Objects.requireNonNull(path, "path");
        if (parts < 1 || part < 1 || part > parts) {
            throw new IllegalArgumentException("a part must be K/N with 1 <= K <= N, found " + part + "/" + parts);
        }
    }

    public static DataPath whole(Path path) {
        return new DataPath(path, 1, 1);
    }

    /** {@code PATH} or {@code PATH@K/N}. */
    public static DataPath parse(String argument) {
        Matcher m = PART.matcher(argument);
        if (m.matches()) {
            return new DataPath(Path.of(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        }
        return whole(Path.of(argument));
    }

    public boolean isWhole() {
        return parts == 1;
    }

    @Override
    public String toString() {
        return isWhole() ? path.toString() : path + "@" + part + "/" + parts;
    }
}
