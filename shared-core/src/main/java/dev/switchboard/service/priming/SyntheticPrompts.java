package dev.switchboard.service.priming;

import java.util.List;

/**
 * Made-up prompts that take the classifier down its main branches (a plain question, code, writing,
 * analysis), and one in Chinese, whose count for the context window loads the o200k_base vocabulary
 * into the snapshot (about 0.7 s otherwise, on the first such request). They are the priming's own
 * text, never a caller's.
 */
final class SyntheticPrompts {

    static final List<String> PROMPTS = List.of(
            "What is the capital of France?",
            "Write a Python function that merges two sorted lists:\n```python\ndef merge(a, b):\n    pass\n```",
            "Write a short, friendly email inviting the team to a Friday lunch.",
            "Analyse the trade-offs between eventual and strong consistency for a payments ledger, step by step, "
                    + "and compare the failure modes of each under a network partition.",
            "用一句话解释数据库索引的作用。");

    private SyntheticPrompts() {
    }

    static byte[] completeBody(String prompt) {
        return ("{\"prompt\":" + quoted(prompt) + ",\"max_tokens\":64,\"auto_route\":true}").getBytes(
                java.nio.charset.StandardCharsets.UTF_8);
    }

    static byte[] chatBody(String prompt) {
        return ("{\"model\":\"auto\",\"messages\":[{\"role\":\"system\",\"content\":\"Be brief.\"},"
                + "{\"role\":\"user\",\"content\":" + quoted(prompt) + "}],\"max_tokens\":64}").getBytes(
                java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
