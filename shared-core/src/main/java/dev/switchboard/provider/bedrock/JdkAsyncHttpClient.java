package dev.switchboard.provider.bedrock;

import org.reactivestreams.FlowAdapters;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.http.async.AsyncExecuteRequest;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.http.async.SdkAsyncHttpResponseHandler;
import software.amazon.awssdk.http.async.SdkHttpContentPublisher;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Flow;

/**
 * The AWS SDK's asynchronous HTTP client port served by the JDK's own {@link HttpClient}, so that the
 * Bedrock runtime client can stream ConverseStream without the SDK's Netty client (4 MB of every
 * function's artifact). The SDK still builds, signs and parses every request and event; this class only
 * moves bytes. The wait for the response's headers is bounded by {@code headersTimeout}; the wait for
 * each event after them is bounded by the provider's own idle limit.
 */
final class JdkAsyncHttpClient implements SdkAsyncHttpClient {

    /** Headers the JDK sets itself and refuses from callers; it derives the same values from the URI and body. */
    private static final Set<String> SET_BY_JDK = Set.of("host", "content-length", "connection", "expect", "upgrade");

    private final HttpClient http;
    private final Duration headersTimeout;

    JdkAsyncHttpClient(Duration connectTimeout, Duration headersTimeout) {
        this.headersTimeout = Objects.requireNonNull(headersTimeout);
        // HTTP/1.1 as the SDK's Netty client spoke it: ConverseStream needs no HTTP/2.
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Objects.requireNonNull(connectTimeout))
                .build();
    }

    @Override
    public CompletableFuture<Void> execute(AsyncExecuteRequest call) {
        SdkAsyncHttpResponseHandler handler = call.responseHandler();
        CompletableFuture<Void> done = new CompletableFuture<>();
        HttpRequest request;
        try {
            request = toJdk(call.request(), call.requestContentPublisher());
        } catch (RuntimeException e) {
            fail(handler, done, e);
            return done;
        }
        CompletableFuture<HttpResponse<Flow.Publisher<List<ByteBuffer>>>> sent =
                http.sendAsync(request, HttpResponse.BodyHandlers.ofPublisher());
        // The call ending in failure before the headers came (cancelled by the SDK, or failed by it with any
        // cause) aborts the exchange; after them, the body's relay closes the body.
        done.whenComplete((ignored, failure) -> {
            if (failure != null) {
                sent.cancel(true);
            }
        });
        sent.whenComplete((response, failure) -> {
            if (failure != null) {
                fail(handler, done, unwrap(failure));
                return;
            }
            ResponseBodyRelay body = new ResponseBodyRelay(response.body(), done);
            try {
                handler.onHeaders(toSdk(response));
                handler.onStream(FlowAdapters.toPublisher(body));
            } catch (RuntimeException e) {
                fail(handler, done, e);
            }
        });
        return done;
    }

    private HttpRequest toJdk(SdkHttpRequest request, SdkHttpContentPublisher content) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(request.getUri()).timeout(headersTimeout);
        for (Map.Entry<String, List<String>> header : request.headers().entrySet()) {
            if (!SET_BY_JDK.contains(header.getKey().toLowerCase(Locale.ROOT))) {
                header.getValue().forEach(value -> builder.header(header.getKey(), value));
            }
        }
        return builder.method(request.method().name(), body(content)).build();
    }

    /** The SDK's body as the JDK's: with its length when the SDK knows it (SigV4 signed that length). */
    private static HttpRequest.BodyPublisher body(SdkHttpContentPublisher content) {
        if (content == null) {
            return HttpRequest.BodyPublishers.noBody();
        }
        Optional<Long> length = content.contentLength();
        if (length.isPresent() && length.get() == 0) {
            return HttpRequest.BodyPublishers.noBody();
        }
        Flow.Publisher<ByteBuffer> bytes = FlowAdapters.toFlowPublisher(content);
        return length.isPresent()
                ? HttpRequest.BodyPublishers.fromPublisher(bytes, length.get())
                : HttpRequest.BodyPublishers.fromPublisher(bytes);
    }

    private static SdkHttpResponse toSdk(HttpResponse<?> response) {
        return SdkHttpResponse.builder()
                .statusCode(response.statusCode())
                .headers(response.headers().map())
                .build();
    }

    private static void fail(SdkAsyncHttpResponseHandler handler, CompletableFuture<Void> done, Throwable failure) {
        try {
            handler.onError(failure);
        } finally {
            done.completeExceptionally(failure);
        }
    }

    private static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }

    @Override
    public String clientName() {
        return "JdkHttpClient";
    }

    /** The JDK client keeps no resource this could release on Java 17: its selector ends when it is unreachable. */
    @Override
    public void close() {
        // nothing to release
    }
}
