package dev.switchboard.service.priming;

/**
 * What one priming pass did: routing decisions made (both modes over the synthetic prompts), request
 * and response types taken through JSON, and provider adapters whose request mapping and response
 * parsing ran on synthetic wire data.
 */
public record PrimingReport(int decisions, int jsonTypes, int providerMappings) {

    public PrimingReport {
        if (decisions < 0 || jsonTypes < 0 || providerMappings < 0) {
            throw new IllegalArgumentException("priming counts cannot be negative");
        }
    }
}
