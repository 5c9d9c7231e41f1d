package dev.switchboard.config;

import java.util.Map;

/**
 * The process's environment variables, read once here so that nothing else calls System.getenv:
 * code that needs variables Micronaut does not bind (a provider's {@code <NAME>_API_KEY}, whose
 * name comes from the providers file) gets this injected, and tests pass their own.
 */
public record ProcessEnvironment(Map<String, String> variables) {

    public ProcessEnvironment {
        variables = Map.copyOf(variables);
    }

    public static ProcessEnvironment current() {
        return new ProcessEnvironment(System.getenv());
    }
}
