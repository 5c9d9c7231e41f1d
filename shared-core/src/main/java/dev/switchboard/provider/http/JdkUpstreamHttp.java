package dev.switchboard.provider.http;

import dev.switchboard.provider.ProviderException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;

/**
 * {@link UpstreamHttp} on the JDK's HTTP client: one client, shared connection pool, HTTP/1.1
 * (local servers such as Ollama or llama.cpp do not speak h2c, and the upgrade costs a round trip).
 */
public final class JdkUpstreamHttp implements UpstreamHttp {

    private static final Logger LOG = LoggerFactory.getLogger(JdkUpstreamHttp.class);

    private final Duration connectTimeout;
    private final ProxySelector proxies;
    /** Built on first use: its TLS set-up costs a cold start a few hundred ms that a function never calling a
     *  provider (recommend, decision, metrics) need not pay; {@link #prepare()} builds it ahead. */
    private volatile HttpClient client;
    private final ScheduledExecutorService watchdogs = watchdogThread();

    /** The proxies the JVM's default selector names at the time the client is built. */
    public JdkUpstreamHttp(Duration connectTimeout) {
        this(connectTimeout, null);
    }

    /** {@code proxies} chooses the proxy of each URL; null: the JVM's default selector. */
    public JdkUpstreamHttp(Duration connectTimeout, ProxySelector proxies) {
        this.connectTimeout = connectTimeout;
        this.proxies = proxies;
    }

    private static ScheduledExecutorService watchdogThread() {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread thread = new Thread(r, "upstream-idle-watchdog");
            thread.setDaemon(true);
            return thread;
        });
        // Every call's watchdog is cancelled when its body closes, long before it would run: without
        // this, each cancelled check stays queued for its whole period (a quarter of the call timeout).
        executor.setRemoveOnCancelPolicy(true);
        return executor;
    }

    @Override
    public void prepare() {
        client();
    }

    private HttpClient client() {
        HttpClient built = client;
        if (built == null) {
            synchronized (this) {
                built = client;
                if (built == null) {
                    HttpClient.Builder builder = HttpClient.newBuilder();
                    if (proxies != null) {
                        builder.proxy(proxies);
                    }
                    built = builder
                            .version(HttpClient.Version.HTTP_1_1)
                            .connectTimeout(connectTimeout)
                            .followRedirects(HttpClient.Redirect.NEVER)
                            // Inline, not on a pool (see InlineExecutor): a third less CPU per answer
                            // in the load benchmark (plain HTTP). Response parsing and TLS decoding of
                            // every call then share the client's one selector thread, and so does the
                            // DNS lookup of a connect retry (the JVM caches lookups for 30 s).
                            .executor(new InlineExecutor())
                            .build();
                    client = built;
                }
            }
        }
        return built;
    }

    @Override
    public UpstreamStream postStreaming(UpstreamRequest request) {
        long started = System.nanoTime();
        HttpResponse<InputStream> response = send(request, HttpResponse.BodyHandlers.ofInputStream());
        // Once the headers are in, the request's silence limit bounds each wait between bytes instead,
        // and its cutoff, counted from the start, the whole body.
        OptionalLong cutoff = request.cutoff() == null ? OptionalLong.empty()
                : OptionalLong.of(started + request.cutoff().toNanos());
        return new UpstreamStream(response.statusCode(), response.headers().map(),
                new IdleTimeoutInputStream(response.body(), request.silence().toNanos(), cutoff, watchdogs));
    }

    /** Stops the idle watchdog's thread; the JDK client's own threads end with it. */
    @Override
    public void close() {
        watchdogs.shutdownNow();
    }

    private <T> HttpResponse<T> send(UpstreamRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            // Built inside: the builder's refusal of a header value quotes it, and a value may be a key.
            HttpRequest.Builder builder = HttpRequest.newBuilder(request.uri())
                    .timeout(request.timeout())
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(request.body()));
            request.headers().forEach(builder::header);
            return client().send(builder.build(), handler);
        } catch (IOException e) {
            throw UpstreamFailures.fromIo(request.provider(), e);
        } catch (RuntimeException e) {
            // From inside the client, e.g. a proxy selector that fails, or a header it refuses: a failed call, not
            // the gateway's bug. The message is left out: it may quote the URL, which can carry a key (Gemini's
            // ?key=), or the refused header's value.
            StackTraceElement[] frames = e.getStackTrace();
            LOG.warn("{} call failed inside the HTTP client: {} at {}", request.provider(), e.getClass().getName(),
                    frames.length == 0 ? "an unknown place" : frames[0]);
            throw new ProviderException(request.provider(), ProviderException.Kind.UNAVAILABLE,
                    request.provider() + " call failed inside the HTTP client (" + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderException(request.provider(), ProviderException.Kind.TIMEOUT,
                    request.provider() + " call was interrupted");
        }
    }
}
