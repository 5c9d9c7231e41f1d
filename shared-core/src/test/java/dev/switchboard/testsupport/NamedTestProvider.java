package dev.switchboard.testsupport;

import dev.switchboard.provider.ChatProvider;

import java.util.Objects;

/** A test's provider: its name and protocol; the test says how it answers. */
public abstract class NamedTestProvider implements ChatProvider {

    private final String name;
    private final String protocol;

    protected NamedTestProvider(String name, String protocol) {
        this.name = Objects.requireNonNull(name);
        this.protocol = Objects.requireNonNull(protocol);
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String protocol() {
        return protocol;
    }
}
