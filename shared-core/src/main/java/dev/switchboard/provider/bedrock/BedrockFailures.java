package dev.switchboard.provider.bedrock;

import dev.switchboard.provider.ProviderException;
import dev.switchboard.provider.ProviderException.Kind;
import dev.switchboard.provider.http.UpstreamFailures;
import dev.switchboard.provider.http.UpstreamResponse;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.services.bedrockruntime.model.AccessDeniedException;
import software.amazon.awssdk.services.bedrockruntime.model.InternalServerException;
import software.amazon.awssdk.services.bedrockruntime.model.ModelErrorException;
import software.amazon.awssdk.services.bedrockruntime.model.ModelNotReadyException;
import software.amazon.awssdk.services.bedrockruntime.model.ModelStreamErrorException;
import software.amazon.awssdk.services.bedrockruntime.model.ModelTimeoutException;
import software.amazon.awssdk.services.bedrockruntime.model.ResourceNotFoundException;
import software.amazon.awssdk.services.bedrockruntime.model.ServiceQuotaExceededException;
import software.amazon.awssdk.services.bedrockruntime.model.ServiceUnavailableException;
import software.amazon.awssdk.services.bedrockruntime.model.ThrottlingException;
import software.amazon.awssdk.services.bedrockruntime.model.ValidationException;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.regex.Pattern;

/**
 * What the SDK threw, as a {@link ProviderException}. Bedrock's modelled exceptions decide the kind
 * (a ModelNotReadyException comes as a 429 but means the model is not up, not that we are too fast);
 * anything else is classified by its HTTP status. The status line, Retry-After and the error type
 * come from {@link UpstreamFailures}; AWS's error message is read only to recognise a prompt that
 * does not fit, and is never repeated.
 */
final class BedrockFailures {

    /** How Bedrock's ValidationException words a prompt that does not fit the model's context. */
    private static final Pattern CONTEXT_TOO_LONG = Pattern.compile(
            "(?i)input is too long|prompt is too long|too many (input )?tokens|context (length|window)"
                    + "|exceeds? (the )?(maximum|max) (input|context|token)");

    /**
     * How Bedrock's ValidationException words a request this model cannot take though another may (no
     * tool use, a field the model lacks or no longer takes, on-demand throughput for a profile-only model, a cache point for a
     * model without a prompt cache or in a place it takes none). Matched narrowly: a wording this misses
     * stays REJECTED, as every ValidationException was before.
     */
    private static final Pattern MODEL_CANNOT = Pattern.compile(
            "(?i)(doesn't|does not) support|(isn't|is not|not) supported|unsupported model|deprecated for this model"
                    + "|did not allow prompt caching|extraneous key \\[cachePoint\\]");

    /**
     * How Bedrock's ValidationException words a model id it does not know (a typo, a model not offered
     * in this region): the NOT_FOUND of the other protocols, so another deployment may serve the request.
     */
    private static final Pattern UNKNOWN_MODEL = Pattern.compile("(?i)model identifier is invalid");

    /** Error types are named only when they look like one (as UpstreamFailures does for codes). */
    private static final Pattern SAFE_CODE = Pattern.compile("[A-Za-z0-9_.\\-]{1,64}");

    private final String provider;
    private final UpstreamFailures failures;

    BedrockFailures(String provider, UpstreamFailures failures) {
        this.provider = provider;
        this.failures = failures;
    }

    /** Whether Bedrock itself said what went wrong (a modelled exception), not just the transport. */
    static boolean isServiceFailure(Throwable thrown) {
        return unwrap(thrown) instanceof AwsServiceException;
    }

    ProviderException from(Throwable thrown) {
        Throwable e = unwrap(thrown);
        if (e instanceof ProviderException known) {
            return known;
        }
        if (e instanceof AwsServiceException service) {
            return fromService(service);
        }
        if (isTimeout(e)) {
            return new ProviderException(provider, Kind.TIMEOUT, provider + " did not answer in time");
        }
        IOException io = cause(e, IOException.class);
        if (io != null) {
            return new ProviderException(provider, Kind.UNAVAILABLE,
                    provider + " connection failed (" + io.getClass().getSimpleName() + ")");
        }
        // An answer the SDK could not read (malformed JSON, a broken event frame): the provider's fault.
        return new ProviderException(provider, Kind.UNAVAILABLE,
                provider + " sent an answer that could not be read (" + e.getClass().getSimpleName() + ")");
    }

    private ProviderException fromService(AwsServiceException e) {
        AwsErrorDetails details = e.awsErrorDetails();
        String code = details == null ? null : details.errorCode();
        Map<String, List<String>> headers = details == null || details.sdkHttpResponse() == null ? Map.of()
                : details.sdkHttpResponse().headers();
        Kind byMessage = validationKind(e, details);
        Kind kind;
        if (e.statusCode() < 400) {
            // An exception event inside a 200 stream: there is no error status to report.
            kind = byMessage != null ? byMessage : kindOf(e, Kind.UNAVAILABLE);
            String type = code != null && SAFE_CODE.matcher(code).matches() ? " (" + code + ")" : "";
            return new ProviderException(provider, kind, provider + " failed in the middle of its stream" + type);
        }
        ProviderException byStatus = failures.fromStatus(provider, new UpstreamResponse(e.statusCode(), headers,
                new byte[0]), code, byMessage);
        kind = byMessage != null ? byMessage : kindOf(e, byStatus.kind());
        return kind == byStatus.kind() ? byStatus : new ProviderException(provider, kind, byStatus.getMessage(),
                byStatus.status(), byStatus.retryAfter().orElse(null));
    }

    /**
     * What a ValidationException's wording tells beyond "refused" (a prompt too long, an unknown model,
     * a model lacking a feature), or null. The wording is only matched, never repeated.
     */
    private static Kind validationKind(AwsServiceException e, AwsErrorDetails details) {
        String message = e instanceof ValidationException && details != null ? details.errorMessage() : null;
        if (message == null) {
            return null;
        }
        if (CONTEXT_TOO_LONG.matcher(message).find()) {
            return Kind.CONTEXT_TOO_LONG;
        }
        if (UNKNOWN_MODEL.matcher(message).find()) {
            return Kind.NOT_FOUND;
        }
        return MODEL_CANNOT.matcher(message).find() ? Kind.UNSUPPORTED : null;
    }

    /** By exception type where Bedrock models one, else as the status said. */
    private static Kind kindOf(AwsServiceException e, Kind byStatus) {
        if (e instanceof ThrottlingException || e instanceof ServiceQuotaExceededException) {
            return Kind.RATE_LIMITED;
        }
        if (e instanceof ValidationException) {
            return Kind.REJECTED;
        }
        if (e instanceof AccessDeniedException) {
            return Kind.UNAUTHORIZED;
        }
        if (e instanceof ResourceNotFoundException) {
            return Kind.NOT_FOUND;
        }
        if (e instanceof ModelTimeoutException) {
            return Kind.TIMEOUT;
        }
        if (e instanceof InternalServerException || e instanceof ServiceUnavailableException
                || e instanceof ModelNotReadyException || e instanceof ModelStreamErrorException
                || e instanceof ModelErrorException) {
            return Kind.UNAVAILABLE;
        }
        return byStatus;
    }

    private static boolean isTimeout(Throwable e) {
        return cause(e, ApiCallTimeoutException.class) != null || cause(e, ApiCallAttemptTimeoutException.class) != null
                || cause(e, SocketTimeoutException.class) != null
                || cause(e, HttpTimeoutException.class) != null
                || cause(e, java.util.concurrent.TimeoutException.class) != null;
    }

    private static Throwable unwrap(Throwable e) {
        Throwable current = e;
        while ((current instanceof CompletionException || current instanceof ExecutionException)
                && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
        for (Throwable current = e; current != null; current = current.getCause() == current ? null : current.getCause()) {
            if (type.isInstance(current)) {
                return type.cast(current);
            }
        }
        return null;
    }
}
