package dev.switchboard.function.metrics;

import dev.switchboard.api.CreateKeyRequestParser;
import dev.switchboard.api.CreatedKeyResponse;
import dev.switchboard.service.CreateKeyCommand;
import dev.switchboard.service.Authenticator;
import dev.switchboard.service.Caller;
import dev.switchboard.service.KeyService;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.nio.charset.StandardCharsets;

/**
 * POST /keys (admin only; the authentication filter refuses everyone else): creates a virtual key
 * and answers 201 with it. The key appears in this response and nowhere else.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public class KeysController {

    private final CreateKeyRequestParser parser;
    private final KeyService keys;

    public KeysController(CreateKeyRequestParser parser, KeyService keys) {
        this.parser = parser;
        this.keys = keys;
    }

    @Post(uri = "/keys", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    public HttpResponse<CreatedKeyResponse> create(Caller caller, @Nullable @Body String body) {
        Authenticator.requireAdmin(caller);
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        CreatedKeyResponse created = keys.create(CreateKeyCommand.from(parser.parse(bytes))).toResponse();
        return HttpResponse.created(created);
    }
}
