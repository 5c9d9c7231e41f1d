package dev.switchboard.architecture.samples.badfunction;

import dev.switchboard.api.CompleteRequest;
import dev.switchboard.provider.ProviderRegistry;
import dev.switchboard.state.AdmissionStore;

/** Breaks the function rule: it reaches past the services to an adapter registry and a state port. */
public final class BadController {

    ProviderRegistry providers;
    AdmissionStore spend;
    CompleteRequest lastRequest;
}
