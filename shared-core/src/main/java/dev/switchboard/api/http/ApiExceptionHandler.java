package dev.switchboard.api.http;

import dev.switchboard.api.ApiError;
import dev.switchboard.api.ApiException;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** Renders an {@link ApiException} as the contract's error JSON with its status. */
@Produces
@Singleton
@Requires(classes = {ApiException.class, ExceptionHandler.class})
public class ApiExceptionHandler implements ExceptionHandler<ApiException, HttpResponse<ApiError.ErrorEnvelope>> {

    @Override
    public HttpResponse<ApiError.ErrorEnvelope> handle(HttpRequest request, ApiException exception) {
        return response(exception);
    }

    /**
     * The response for {@code exception}: its status, its headers and the error JSON. Also used where a
     * refusal is sent without going through exception handling (authentication).
     */
    static MutableHttpResponse<ApiError.ErrorEnvelope> response(ApiException exception) {
        var response = HttpResponse.<ApiError.ErrorEnvelope>status(HttpStatus.valueOf(exception.status()))
                .contentType(MediaType.APPLICATION_JSON_TYPE)
                .body(exception.toError().envelope());
        exception.headers().forEach(response::header);
        return response;
    }
}
