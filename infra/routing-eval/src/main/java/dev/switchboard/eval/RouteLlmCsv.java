package dev.switchboard.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads RouteLLM's per-model correctness CSVs ({@code prompt}, then one True/False column per model; GSM8K
 * adds response columns, which are ignored) into {@link LabelledPrompt}s, dropping the prompts listed in the
 * {@code contaminated_prompts.jsonl} of the CSV's own folder, as RouteLLM's evaluation does.
 */
public final class RouteLlmCsv {

    public static final String PROMPT_COLUMN = "prompt";
    public static final String WEAK_MODEL = "mistralai/Mixtral-8x7B-Instruct-v0.1";
    public static final String STRONG_MODEL = "gpt-4-1106-preview";

    private final Map<Path, Set<String>> contaminatedByFolder = new HashMap<>();

    /** Reads a CSV file, or every {@code *.csv} under a folder (recursively, in path order). */
    public PromptSet read(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        if (!Files.exists(absolute)) {
            throw new IllegalArgumentException("no such file or folder: " + path);
        }
        List<Path> files = Files.isDirectory(absolute) ? csvFilesUnder(absolute) : List.of(absolute);
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no *.csv files under " + path);
        }
        List<LabelledPrompt> prompts = new ArrayList<>();
        int dropped = 0;
        for (Path file : files) {
            Set<String> contaminated = contaminatedByFolder.computeIfAbsent(file.getParent(), ContaminatedPrompts::inFolder);
            for (LabelledPrompt prompt : readFile(file)) {
                if (contaminated.contains(prompt.prompt())) {
                    dropped++;
                } else {
                    prompts.add(prompt);
                }
            }
        }
        Path folder = Files.isDirectory(absolute) ? absolute : absolute.getParent();
        return new PromptSet(baseName(absolute), String.valueOf(folder.getFileName()), prompts, dropped);
    }

    /** Reads several paths into one list, for training. */
    public List<LabelledPrompt> readAll(List<Path> paths) {
        List<LabelledPrompt> all = new ArrayList<>();
        for (Path path : paths) {
            all.addAll(read(path).prompts());
        }
        return all;
    }

    /** Parses one file without decontamination; every problem names the file and the line. */
    static List<LabelledPrompt> readFile(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (CharacterCodingException e) {
            throw new MalformedDataException(file + ": not valid UTF-8", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return parse(file.toString(), baseName(file), text);
    }

    static List<LabelledPrompt> parse(String fileName, String source, String text) {
        List<CsvRecord> records = Rfc4180Parser.parse(fileName, text);
        if (records.isEmpty()) {
            throw new MalformedDataException(fileName, 1, "empty file: expected a header row");
        }
        CsvRecord header = records.get(0);
        rejectDuplicateColumns(fileName, header);
        int promptColumn = column(fileName, header, PROMPT_COLUMN);
        int weakColumn = column(fileName, header, WEAK_MODEL);
        int strongColumn = column(fileName, header, STRONG_MODEL);
        List<LabelledPrompt> prompts = new ArrayList<>(records.size() - 1);
        for (CsvRecord row : records.subList(1, records.size())) {
            if (row.fields().size() != header.fields().size()) {
                throw new MalformedDataException(fileName, row.line(), "expected " + header.fields().size()
                        + " fields as in the header, found " + row.fields().size());
            }
            prompts.add(new LabelledPrompt(source, row.fields().get(promptColumn),
                    bool(fileName, row, weakColumn, WEAK_MODEL), bool(fileName, row, strongColumn, STRONG_MODEL)));
        }
        return prompts;
    }

    /** Columns are found by name, so a repeated name would silently pick its first copy. */
    private static void rejectDuplicateColumns(String fileName, CsvRecord header) {
        Set<String> seen = new HashSet<>();
        for (String name : header.fields()) {
            if (!seen.add(name)) {
                throw new MalformedDataException(fileName, header.line(),
                        "column \"" + name + "\" appears more than once in the header");
            }
        }
    }

    private static int column(String fileName, CsvRecord header, String name) {
        int index = header.fields().indexOf(name);
        if (index < 0) {
            throw new MalformedDataException(fileName, header.line(),
                    "missing column \"" + name + "\" (header has " + header.fields() + ")");
        }
        return index;
    }

    /** pandas reads RouteLLM's True/False as booleans; anything else is a labelling error worth stopping for. */
    private static boolean bool(String fileName, CsvRecord row, int column, String name) {
        String value = row.fields().get(column).trim().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new MalformedDataException(fileName, row.line(),
                    "column \"" + name + "\" must be True or False, found \"" + row.fields().get(column) + "\"");
        };
    }

    private static List<Path> csvFilesUnder(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder + ": " + e.getMessage(), e);
        }
    }

    private static String baseName(Path path) {
        String name = String.valueOf(path.getFileName());
        return name.toLowerCase(Locale.ROOT).endsWith(".csv") ? name.substring(0, name.length() - 4) : name;
    }
}
