package dev.switchboard.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The benchmark prompts RouteLLM found in (near-)verbatim form in its routers' training data, read from the
 * {@code contaminated_prompts.jsonl} that sits beside the CSV files.
 *
 * <p>Each line is {@code {"train_prompt", "train_idx", "eval_prompt", "eval_idx"}}. RouteLLM's
 * {@code routellm/evals/benchmarks.py} drops the rows whose {@code prompt} equals an {@code eval_prompt}
 * (exact text, {@code isin}); {@code train_prompt} is the near-duplicate on the training side and usually
 * differs from the CSV text, so it is not used here either.
 */
public final class ContaminatedPrompts {

    /** The file name RouteLLM uses, looked up in the folder of each CSV file. */
    public static final String FILE_NAME = "contaminated_prompts.jsonl";
    static final String EVAL_PROMPT = "eval_prompt";

    private static final ObjectMapper JSON = new ObjectMapper();

    private ContaminatedPrompts() {
    }

    /** The contaminated prompts listed in {@code folder}, or none when the folder has no such file. */
    public static Set<String> inFolder(Path folder) {
        Path file = folder.resolve(FILE_NAME);
        return Files.isRegularFile(file) ? read(file) : Set.of();
    }

    /** Reads the {@code eval_prompt} of every non-blank line of {@code file}. */
    public static Set<String> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        Set<String> prompts = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                prompts.add(evalPrompt(file, i + 1, lines.get(i)));
            }
        }
        return Set.copyOf(prompts);
    }

    private static String evalPrompt(Path file, int line, String json) {
        JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new MalformedDataException(file.toString(), line, "not a JSON object: " + e.getOriginalMessage());
        }
        JsonNode prompt = node == null ? null : node.get(EVAL_PROMPT);
        if (prompt == null || !prompt.isTextual()) {
            throw new MalformedDataException(file.toString(), line,
                    "expected a JSON object with a string field \"" + EVAL_PROMPT + "\"");
        }
        return prompt.textValue();
    }
}
