package dev.switchboard.provider.http;

import dev.switchboard.provider.ProviderException;
import dev.switchboard.provider.http.FakeUpstream.Whole;
import dev.switchboard.provider.http.socket.SocketTransports;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Calls go over the socket transport, except those the proxy selector routes through an HTTP proxy,
 * which the JDK client carries. The "proxy" here is a loopback server that records what reached it:
 * a request for a host that does not resolve arriving there proves the call went through it.
 */
class ProxyRoutedUpstreamHttpTest {

    private static final String PROXIED_HOST = "provider.invalid";

    private final FakeUpstream proxy = FakeUpstream.start();
    private final FakeUpstream upstream = FakeUpstream.start();

    @AfterEach
    void stop() {
        proxy.close();
        upstream.close();
    }

    @Test
    void aUrlTheSelectorSendsThroughAProxyGoesThereAndOtherUrlsGoDirect() throws IOException {
        proxy.enqueue(new Whole(200, "application/json", "{\"via\":\"proxy\"}", Map.of()));
        upstream.enqueue(new Whole(200, "application/json", "{\"via\":\"direct\"}", Map.of()));
        ProxySelector proxies = proxyFor(PROXIED_HOST, Proxy.Type.HTTP);
        try (ProxyRoutedUpstreamHttp http = new ProxyRoutedUpstreamHttp(SocketTransports.create(Duration.ofSeconds(2)),
                () -> new JdkUpstreamHttp(Duration.ofSeconds(2), proxies), proxies)) {

            UpstreamResponse proxied = http.post(request(URI.create("http://" + PROXIED_HOST + ":8080/v1/chat")));
            UpstreamResponse direct = http.post(request(upstream.baseUri().resolve("/v1/chat")));

            assertEquals("{\"via\":\"proxy\"}", proxied.text());
            assertEquals(PROXIED_HOST + ":8080", proxy.onlyRequest().header("host"));
            assertEquals("/v1/chat", proxy.onlyRequest().path());
            assertEquals("{\"via\":\"direct\"}", direct.text());
            assertEquals("/v1/chat", upstream.onlyRequest().path());
        }
    }

    @Test
    void withoutASelectorEveryCallGoesDirectAndTheProxiedTransportIsNeverBuilt() {
        upstream.enqueue(new Whole(200, "application/json", "{}", Map.of()));
        try (ProxyRoutedUpstreamHttp http = new ProxyRoutedUpstreamHttp(SocketTransports.create(Duration.ofSeconds(2)),
                neverBuilt(), null)) {
            assertEquals(200, http.post(request(upstream.baseUri().resolve("/v1/chat"))).status());
        }
    }

    @Test
    void aSocksProxyIsPassedOverAsTheJdkClientDoes() {
        try (ProxyRoutedUpstreamHttp http = router(proxyFor("127.0.0.1", Proxy.Type.SOCKS))) {
            assertFalse(http.throughProxy(upstream.baseUri()));
        }
    }

    @Test
    void onlyTheSelectorsFirstAnswerCountsAsForTheJdkClient() {
        Proxy http = new Proxy(Proxy.Type.HTTP, new InetSocketAddress("127.0.0.1", proxy.baseUri().getPort()));
        Proxy socks = new Proxy(Proxy.Type.SOCKS, new InetSocketAddress("127.0.0.1", proxy.baseUri().getPort()));
        URI uri = URI.create("https://api.example.com/v1/chat/completions");

        assertFalse(routedThroughProxy(answering(Proxy.NO_PROXY, http), uri));
        assertFalse(routedThroughProxy(answering(socks, http), uri));
        assertTrue(routedThroughProxy(answering(http, Proxy.NO_PROXY), uri));
        assertFalse(routedThroughProxy(answering(), uri));
    }

    @Test
    void aSelectorThatFailsLeavesTheCallToTheJdkClientAndIsAskedAgainNextTime() {
        AtomicInteger asked = new AtomicInteger();
        ProxySelector failing = selector(uri -> {
            asked.incrementAndGet();
            throw new IllegalArgumentException("no proxy rule for " + uri.getHost());
        });
        URI uri = URI.create("https://api.example.com/v1/chat/completions");
        try (ProxyRoutedUpstreamHttp http = router(failing)) {
            assertTrue(http.throughProxy(uri));
            assertTrue(http.throughProxy(uri));
        }
        assertEquals(2, asked.get());
    }

    @Test
    void aSelectorThatFailsInsideTheJdkClientFailsTheCallAsUnavailableNotAsTheGatewaysBug() {
        ProxySelector failing = selector(uri -> {
            throw new IllegalArgumentException("no proxy rule for " + uri.getHost());
        });
        try (ProxyRoutedUpstreamHttp http = new ProxyRoutedUpstreamHttp(SocketTransports.create(Duration.ofSeconds(2)),
                () -> new JdkUpstreamHttp(Duration.ofSeconds(2), failing), failing)) {

            ProviderException e = assertThrows(ProviderException.class,
                    () -> http.post(request(upstream.baseUri().resolve("/v1/chat"))));

            assertEquals(ProviderException.Kind.UNAVAILABLE, e.kind());
            assertFalse(e.getMessage().contains("no proxy rule"), e.getMessage());
            assertTrue(upstream.requests().isEmpty());
        }
    }

    @Test
    void theSelectorIsAskedOncePerSchemeHostAndPort() {
        AtomicInteger asked = new AtomicInteger();
        ProxySelector counting = selector(uri -> {
            asked.incrementAndGet();
            return List.of(Proxy.NO_PROXY);
        });
        try (ProxyRoutedUpstreamHttp http = router(counting)) {
            http.throughProxy(URI.create("https://api.example.com/v1/chat/completions"));
            http.throughProxy(URI.create("https://api.example.com/v1/messages"));
            http.throughProxy(URI.create("http://api.example.com/v1/messages"));

            assertEquals(2, asked.get());
        }
    }

    @Test
    void closingClosesTheProxiedTransportItBuiltAndAProxiedCallAfterwardsIsRefused() {
        proxy.enqueue(new Whole(200, "application/json", "{}", Map.of()));
        AtomicInteger closed = new AtomicInteger();
        ProxySelector proxies = proxyFor(PROXIED_HOST, Proxy.Type.HTTP);
        ProxyRoutedUpstreamHttp http = new ProxyRoutedUpstreamHttp(SocketTransports.create(Duration.ofSeconds(2)),
                () -> new UpstreamHttp() {
                    private final JdkUpstreamHttp jdk = new JdkUpstreamHttp(Duration.ofSeconds(2), proxies);

                    @Override
                    public UpstreamStream postStreaming(UpstreamRequest request) {
                        return jdk.postStreaming(request);
                    }

                    @Override
                    public void close() {
                        closed.incrementAndGet();
                        jdk.close();
                    }
                }, proxies);
        URI proxied = URI.create("http://" + PROXIED_HOST + "/v1/chat");
        http.post(request(proxied));

        http.close();

        assertEquals(1, closed.get());
        assertThrows(ProviderException.class, () -> http.post(request(proxied)));
        assertTrue(http.throughProxy(proxied));
    }

    private ProxySelector proxyFor(String host, Proxy.Type type) {
        InetSocketAddress address = new InetSocketAddress(proxy.baseUri().getHost(), proxy.baseUri().getPort());
        return selector(uri -> host.equals(uri.getHost()) ? List.of(new Proxy(type, address)) : List.of(Proxy.NO_PROXY));
    }

    private static ProxyRoutedUpstreamHttp router(ProxySelector proxies) {
        return new ProxyRoutedUpstreamHttp(SocketTransports.create(Duration.ofSeconds(2)), neverBuilt(), proxies);
    }

    private static boolean routedThroughProxy(ProxySelector proxies, URI uri) {
        try (ProxyRoutedUpstreamHttp http = router(proxies)) {
            return http.throughProxy(uri);
        }
    }

    private static ProxySelector answering(Proxy... answer) {
        return selector(uri -> List.of(answer));
    }

    private static ProxySelector selector(Function<URI, List<Proxy>> answer) {
        return new ProxySelector() {
            @Override
            public List<Proxy> select(URI uri) {
                return answer.apply(uri);
            }

            @Override
            public void connectFailed(URI uri, SocketAddress address, IOException e) {
                // nothing is connected through these
            }
        };
    }

    private static Supplier<UpstreamHttp> neverBuilt() {
        return () -> fail("no call goes through a proxy here, so the proxied transport is not built");
    }

    private static UpstreamRequest request(URI uri) {
        return new UpstreamRequest("acme", uri, Map.of(), "{\"model\":\"m\"}", Duration.ofSeconds(2));
    }
}
