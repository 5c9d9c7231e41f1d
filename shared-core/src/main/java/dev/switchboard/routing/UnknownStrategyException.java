package dev.switchboard.routing;

import java.util.Collection;

/** A request named a routing strategy this engine does not have. */
public final class UnknownStrategyException extends IllegalArgumentException {

    public UnknownStrategyException(String name, Collection<String> known) {
        super("unknown routing strategy '" + name + "'; known: " + String.join(", ", known));
    }
}
