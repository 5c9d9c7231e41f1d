package dev.switchboard.bench;

/**
 * The prompts the decision benchmarks route, by kind, so that the whole decision and its analysis
 * alone are measured on the same text.
 */
final class BenchmarkPrompts {

    private BenchmarkPrompts() {
    }

    /** "short" (15 characters), "code" (about 190) or anything else: "long" (about 3,000). */
    static String of(String kind) {
        return switch (kind) {
            case "short" -> "What is Python?";
            case "code" -> "Debug this Python function that's throwing a TypeError:\n```python\n"
                    + "def total(items):\n    return sum(i.price for i in items) + '0'\n```\nExplain why, step by step.";
            default -> "Compare the trade-offs of event sourcing and CRUD for an order service. ".repeat(40)
                    + "Analyze the implications for scaling, consistency and operations, and justify a design.";
        };
    }
}
