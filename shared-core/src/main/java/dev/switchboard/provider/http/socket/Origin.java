package dev.switchboard.provider.http.socket;

import java.net.URI;
import java.util.Locale;

/**
 * Where a connection goes: scheme, host and port. Connections are pooled per origin.
 *
 * @param host the host to connect to, an IPv6 literal without its brackets
 */
record Origin(boolean tls, String host, int port) {

    static Origin of(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean tls = switch (scheme) {
            case "https" -> true;
            case "http" -> false;
            default -> throw new IllegalArgumentException("not an http(s) URI: scheme " + scheme);
        };
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            throw new IllegalArgumentException("the URI names no host");
        }
        // URI keeps an IPv6 literal's brackets; a socket address takes it without them.
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port = uri.getPort() >= 0 ? uri.getPort() : tls ? 443 : 80;
        return new Origin(tls, host, port);
    }

    /** The Host header's value: the port only when it is not the scheme's own. */
    String hostHeader() {
        boolean usual = port == (tls ? 443 : 80);
        String name = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
        return usual ? name : name + ":" + port;
    }
}
