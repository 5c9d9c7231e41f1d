package dev.switchboard.config;

/**
 * A deployment's price as the providers file gives it, in USD per million tokens: for a model the price
 * table does not list (a local server's model, often free, or a Bedrock model id). A price the file
 * gives wins over the table's.
 */
public record DeclaredPrice(double inputPerMillion, double outputPerMillion) {

    public DeclaredPrice {
        if (!(inputPerMillion >= 0) || !(outputPerMillion >= 0)) {
            throw new IllegalArgumentException("prices must not be negative");
        }
    }
}
