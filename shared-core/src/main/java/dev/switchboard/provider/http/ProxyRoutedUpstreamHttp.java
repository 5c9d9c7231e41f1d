package dev.switchboard.provider.http;

import java.net.Proxy;
import java.net.ProxySelector;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Sends a call over the direct transport unless the JVM's proxy selector routes its URL through an
 * HTTP proxy (the {@code http(s).proxyHost} system properties, or a selector the operator installed);
 * then over the proxied transport, the JDK's client, which speaks to HTTP proxies (CONNECT tunnels for
 * https) where the socket transport only connects directly. The rule is the JDK client's own: the
 * selector's first answer counts, and only an HTTP proxy is used (a SOCKS answer means direct). The
 * choice is made once per scheme, host and port, since providers are few and the JVM's proxy settings
 * are read at start-up; a selector that fails leaves the call to the JDK client, which asks it again.
 */
public final class ProxyRoutedUpstreamHttp implements UpstreamHttp {

    private final UpstreamHttp direct;
    private final Supplier<UpstreamHttp> proxiedSource;
    private final ProxySelector proxies;
    private final Map<OriginKey, Boolean> proxiedByOrigin = new ConcurrentHashMap<>();
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
        return throughProxy(request.uri()) ? proxied(request.provider()).postStreaming(request)
                : direct.postStreaming(request);
    }

    /** Whether the call goes to the JDK client: the selector's first answer is an HTTP proxy, or it failed. */
    boolean throughProxy(URI uri) {
        if (proxies == null || uri.getHost() == null) {
            return false; // without a host the direct transport refuses the URL, naming the provider
        }
        // The URI's own parts, not lower-cased: this runs on every call, and a host spelled two ways
        // only costs a second entry.
        OriginKey origin = new OriginKey(uri.getScheme(), uri.getHost(), uri.getPort());
        Boolean known = proxiedByOrigin.get(origin);
        if (known != null) {
            return known;
        }
        List<Proxy> chosen;
        try {
            chosen = proxies.select(uri);
        } catch (RuntimeException e) {
            return true; // not remembered: the JDK client asks the selector again, and reports what it says
        }
        boolean viaProxy = chosen != null && !chosen.isEmpty() && chosen.get(0).type() == Proxy.Type.HTTP;
        proxiedByOrigin.put(origin, viaProxy);
        return viaProxy;
    }

    private record OriginKey(String scheme, String host, int port) {
    }

    private synchronized UpstreamHttp proxied(String provider) {
        if (closed) {
            throw UpstreamFailures.shuttingDown(provider);
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
        RuntimeException failure = null;
        for (UpstreamHttp transport : built == null ? List.of(direct) : List.of(direct, built)) {
            try {
                transport.close();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
