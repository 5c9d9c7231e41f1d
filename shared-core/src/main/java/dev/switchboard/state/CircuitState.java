package dev.switchboard.state;

/** A deployment's circuit as instances share it: open (keep away) or closed (calls may go through). */
public enum CircuitState {
    OPEN,
    CLOSED
}
