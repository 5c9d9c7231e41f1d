package dev.switchboard.gateway;

import dev.switchboard.config.ConfigurationError;
import dev.switchboard.config.ProviderCatalogLoader;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Map;
import java.util.Optional;

/**
 * What the gateway checks before it starts anything (no data folder, no DynamoDB Local, no ledger migration),
 * and how a failed start-up is told in one line.
 */
final class StartUpChecks {

    /** The property SWITCHBOARD_CONFIG binds to (see application.yml); an override of it wins. */
    static final String CONFIG_PROPERTY = "switchboard.config";

    private StartUpChecks() {
    }

    /** The providers file the context will load: the override of switchboard.config, else SWITCHBOARD_CONFIG. */
    static String providersFile(GatewaySettings settings, Map<String, Object> overrides) {
        Object override = overrides.get(CONFIG_PROPERTY);
        return override != null ? override.toString() : settings.config();
    }

    /** Loads the providers file as the context will, so that a mistake in it stops start-up first. */
    static void providers(GatewaySettings settings, Map<String, Object> overrides) {
        new ProviderCatalogLoader().loadConfigured(providersFile(settings, overrides));
    }

    /**
     * Binds and frees the port on 127.0.0.1 (not PORT=0, any free port): the server binds it only after
     * DynamoDB Local and the ledger have started. Another program may still take it in between.
     */
    static void port(int port) {
        if (port == 0) {
            return;
        }
        try (ServerSocket socket = new ServerSocket()) {
            // As the server does: a port left in TIME_WAIT by a gateway that just stopped is free.
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), port));
        } catch (IOException e) {
            String problem = String.valueOf(e.getMessage()).contains("in use") ? "is already in use"
                    : "cannot be listened on (" + e.getMessage() + ")";
            throw new ConfigurationError("PORT=" + port + ": 127.0.0.1:" + port + " " + problem, e);
        }
    }

    /**
     * The one line that tells a failed start-up: the message of the first ConfigurationError in the cause
     * chain (it names the setting), else of the first IllegalArgumentException; empty for anything else,
     * whose stack trace is worth seeing.
     */
    static Optional<String> reason(Throwable failure) {
        Throwable argument = null;
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 50; t = t.getCause(), depth++) {
            if (t instanceof ConfigurationError) {
                return Optional.ofNullable(t.getMessage());
            }
            if (argument == null && t instanceof IllegalArgumentException) {
                argument = t;
            }
        }
        return Optional.ofNullable(argument).map(Throwable::getMessage);
    }
}
