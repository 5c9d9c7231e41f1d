package dev.switchboard.api.http;

import dev.switchboard.api.ApiError;
import dev.switchboard.service.PathForLogs;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.JsonErrorResponseBodyProvider;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Errors the framework raises itself (unknown route, wrong method or media type, an unconvertible
 * parameter, an unexpected exception) in the contract's shape. Only the status and the parameter
 * name are taken from the framework; its messages can name Java types and are never passed on.
 */
@Singleton
@Replaces(JsonErrorResponseBodyProvider.class)
public class ErrorBodyProvider implements JsonErrorResponseBodyProvider<ApiError.ErrorEnvelope> {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorBodyProvider.class);

    @Override
    public ApiError.ErrorEnvelope body(ErrorContext context, HttpResponse<?> response) {
        int status = response.code();
        // The cause stays in our logs (an unexpected failure at error level), never in the response.
        context.getRootCause().ifPresent(cause -> {
            if (status >= 500) {
                LOG.error("{} {} failed with {}", context.getRequest().getMethodName(),
                        PathForLogs.of(context.getRequest().getPath()), status, cause);
            } else {
                LOG.debug("{} {} refused with {}: {}", context.getRequest().getMethodName(),
                        PathForLogs.of(context.getRequest().getPath()), status, cause.toString());
            }
        });
        String field = context.getErrors().stream().map(Error::getPath).flatMap(java.util.Optional::stream)
                .findFirst().orElse(null);
        return new ApiError(type(status), message(status, field, context), field).envelope();
    }

    static String type(int status) {
        return switch (status) {
            case 400 -> "invalid_request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 406 -> "not_acceptable";
            case 413 -> "request_too_large";
            case 415 -> "unsupported_media_type";
            case 503 -> "unavailable";
            default -> status >= 500 ? "internal_error" : "invalid_request";
        };
    }

    static String message(int status, String field, ErrorContext context) {
        String path = context.getRequest().getPath();
        return switch (status) {
            case 400 -> field == null ? "The request is not valid" : "Invalid value for '" + field + "'";
            case 404 -> "No route " + context.getRequest().getMethodName() + " " + path;
            case 405 -> "Method " + context.getRequest().getMethodName() + " is not allowed on " + path;
            // A request that declares no body is too large only in its request line or headers: a long query,
            // mostly (a request line too long is refused before its headers are read).
            case 413 -> context.getRequest().getContentLength() > 0 ? "The request body is too large"
                    : "The request line or its headers are too long for the server";
            case 415 -> "Content-Type must be application/json";
            default -> status >= 500 ? "Internal error; the request was not completed" : "The request was refused";
        };
    }
}
