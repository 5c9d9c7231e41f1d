package dev.switchboard.function.metrics;

import dev.switchboard.api.CreateKeyRequestParser;
import dev.switchboard.api.CreatedKeyResponse;
import dev.switchboard.api.KeyIds;
import dev.switchboard.api.KeyListRequest;
import dev.switchboard.api.KeyListResponse;
import dev.switchboard.api.KeyResponse;
import dev.switchboard.api.UpdateKeyRequestParser;
import dev.switchboard.api.http.QueryValues;
import dev.switchboard.service.Authenticator;
import dev.switchboard.service.Caller;
import dev.switchboard.service.CreateKeyCommand;
import dev.switchboard.service.KeyService;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;


/**
 * The admin's virtual keys (the authentication filter refuses everyone else): POST /keys creates one
 * and answers 201 with it, the only time the key appears; GET /keys lists them a page at a time;
 * PATCH /keys/{id} changes one's label, budget, limits, expiry or models; DELETE /keys/{id} revokes one.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public class KeysController {

    private final CreateKeyRequestParser parser;
    private final UpdateKeyRequestParser changes;
    private final KeyService keys;

    public KeysController(CreateKeyRequestParser parser, UpdateKeyRequestParser changes, KeyService keys) {
        this.parser = parser;
        this.changes = changes;
        this.keys = keys;
    }

    @Post(uri = "/keys", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    public HttpResponse<CreatedKeyResponse> create(Caller caller, @Nullable @Body byte[] body) {
        Authenticator.requireAdmin(caller);
        CreatedKeyResponse created = keys.create(CreateKeyCommand.from(parser.parse(body))).toResponse();
        // The only answer that carries the key: no cache between the admin and Switchboard may keep it.
        return HttpResponse.created(created).header(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    @Get(uri = "/keys", produces = MediaType.APPLICATION_JSON)
    public KeyListResponse list(HttpRequest<?> request, Caller caller) {
        Authenticator.requireAdmin(caller);
        return keys.list(KeyListRequest.from(name -> QueryValues.asSent(request, name)));
    }

    @Patch(uri = "/keys/{id}", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    public KeyResponse update(Caller caller, @PathVariable String id, @Nullable @Body byte[] body) {
        Authenticator.requireAdmin(caller);
        String keyId = KeyIds.checked("id", id);
        return keys.update(keyId, changes.parse(body));
    }

    @Delete(uri = "/keys/{id}", produces = MediaType.APPLICATION_JSON)
    public KeyResponse revoke(Caller caller, @PathVariable String id) {
        Authenticator.requireAdmin(caller);
        return keys.revoke(KeyIds.checked("id", id));
    }
}
