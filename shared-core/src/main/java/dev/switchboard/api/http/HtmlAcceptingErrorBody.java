package dev.switchboard.api.http;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.HtmlErrorResponseBodyProvider;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The framework's own errors for a caller that accepts HTML and not JSON (a browser): Micronaut would
 * render an HTML page for them; the contract promises the error JSON to every caller, so this gives
 * the same body as {@link ErrorBodyProvider}, as JSON.
 */
@Singleton
@Replaces(HtmlErrorResponseBodyProvider.class)
public class HtmlAcceptingErrorBody implements HtmlErrorResponseBodyProvider {

    private final ErrorBodyProvider errors;
    private final JsonMapper json;

    public HtmlAcceptingErrorBody(ErrorBodyProvider errors, JsonMapper json) {
        this.errors = errors;
        this.json = json;
    }

    @Override
    public String body(ErrorContext context, HttpResponse<?> response) {
        try {
            return json.writeValueAsString(errors.body(context, response));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String contentType() {
        return MediaType.APPLICATION_JSON;
    }
}
