package dev.switchboard.state;

/** What a counter item counts, with the attribute that holds it (a DynamoDB number: exact decimal). */
public enum CounterMeasure {
    REQUESTS("requests"), TOKENS("tokens"), SPENT_USD("spent_usd");

    private final String attribute;

    CounterMeasure(String attribute) {
        this.attribute = attribute;
    }

    public String attribute() {
        return attribute;
    }
}
