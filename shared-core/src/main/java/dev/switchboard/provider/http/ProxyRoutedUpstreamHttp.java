package dev.switchboard.provider.http;

import java.net.Proxy;
import java.net.ProxySelector;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Sends a call over the direct transport unless the JVM's proxy selector routes its URL through a
 * proxy (the {@code http(s).proxyHost} system properties, or a selector the operator installed); then
 * over the proxied transport, the JDK's client, which speaks to proxies (CONNECT tunnels, proxy
 * credentials from the JVM's Authenticator) where the socket transport only connects directly. The
 * choice is made once per scheme, host and port: providers are few, and the selector's answer does
 * not change while the gateway runs.
 */
public final class ProxyRoutedUpstreamHttp implements UpstreamHttp {

    private final UpstreamHttp direct;
    private final Supplier<UpstreamHttp> proxiedSource;
    private final ProxySelector proxies;
    private final Map<String, Boolean> proxiedByOrigin = new ConcurrentHashMap<>();
    /** Built on the first proxied call only: the JDK client starts a selector thread. Guarded by this. */
    private UpstreamHttp proxied;
    private boolean closed;

    /** {@code proxies} null: every call goes direct (the JVM has no proxy selector). */
    public ProxyRoutedUpstreamHttp(UpstreamHttp direct, Supplier<UpstreamHttp> proxied, ProxySelector proxies) {
        this.direct = Objects.requireNonNull(direct, "direct");
        this.proxiedSource = Objects.requireNonNull(proxied, "proxied");
        this.proxies = proxies;
    }

    @Override
    public UpstreamStream postStreaming(UpstreamRequest request) {
        return throughProxy(request.uri()) ? proxied().postStreaming(request) : direct.postStreaming(request);
    }

    /** Whether the selector names any proxy but "direct" for this URL (the JDK client takes the first that works). */
    boolean throughProxy(URI uri) {
        if (proxies == null || uri.getHost() == null) {
            return false; // without a host the direct transport refuses the URL, naming the provider
        }
        String origin = (uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT)) + "://"
                + uri.getHost() + ":" + uri.getPort();
        return proxiedByOrigin.computeIfAbsent(origin, o -> {
            List<Proxy> chosen = proxies.select(uri);
            return chosen != null && chosen.stream().anyMatch(p -> p.type() == Proxy.Type.HTTP);
        });
    }

    private synchronized UpstreamHttp proxied() {
        if (closed) {
            throw new IllegalStateException("the upstream transport is closed");
        }
        if (proxied == null) {
            proxied = Objects.requireNonNull(proxiedSource.get(), "proxied transport");
        }
        return proxied;
    }

    @Override
    public void prepare() {
        direct.prepare();
    }

    @Override
    public void close() {
        UpstreamHttp built;
        synchronized (this) {
            closed = true;
            built = proxied;
        }
        try {
            direct.close();
        } finally {
            if (built != null) {
                built.close();
            }
        }
    }
}
