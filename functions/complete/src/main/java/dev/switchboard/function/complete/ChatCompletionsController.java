package dev.switchboard.function.complete;

import dev.switchboard.api.ChatCompletionRequest;
import dev.switchboard.api.ChatCompletionRequestParser;
import dev.switchboard.service.ChatCompletionService;
import dev.switchboard.service.Caller;
import dev.switchboard.secrets.ApiKeySourceKind;
import dev.switchboard.service.RoutingTrace;
import io.micronaut.context.env.Environment;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import jakarta.inject.Named;
import java.util.concurrent.ExecutorService;

/**
 * POST /v1/chat/completions, OpenAI-compatible: a chat.completion, or with "stream": true
 * server-sent chat.completion.chunk events ending in [DONE] (or in an error event when the answer
 * broke off). A client that leaves mid-stream stops the upstream at its next chunk (see
 * {@link ChatStreamBridge}). On Lambda, behind an HTTP API that delivers a response whole, the events are
 * written into one body once the stream has ended, and a stream that broke is an error status instead
 * ({@link BufferedEventStream}).
 * The routing headers come from the trace the service fills; a stream's are those known at its first
 * chunk, which the bridge waits for before answering.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public class ChatCompletionsController {

    private final ChatCompletionRequestParser parser;
    private final ChatCompletionService completions;
    private final ChatStreamBridge bridge;
    /** On Lambda, whose HTTP API delivers a response whole: the stream runs to its end before it is answered. */
    private final BufferedEventStream buffered;

    public ChatCompletionsController(ChatCompletionRequestParser parser, ChatCompletionService completions,
                                     JsonMapper json, @Named(TaskExecutors.BLOCKING) ExecutorService workers,
                                     Environment environment) {
        this.parser = parser;
        this.completions = completions;
        this.bridge = new ChatStreamBridge(json, workers);
        this.buffered = environment.getActiveNames().contains(ApiKeySourceKind.LAMBDA_ENVIRONMENT)
                ? new BufferedEventStream(json) : null;
    }

    @Post(uri = "/v1/chat/completions", consumes = MediaType.APPLICATION_JSON,
            produces = {MediaType.APPLICATION_JSON, MediaType.TEXT_EVENT_STREAM})
    public HttpResponse<?> chat(@Nullable @Body byte[] body, Caller caller, RoutingTrace trace) {
        ChatCompletionRequest request = parser.parse(body);
        if (!request.stream()) {
            return HttpResponse.ok(completions.complete(request, caller, trace))
                    .contentType(MediaType.APPLICATION_JSON_TYPE);
        }
        if (buffered != null) {
            return HttpResponse.ok(buffered.run(listener -> completions.stream(request, caller, trace, listener)))
                    .contentType(MediaType.TEXT_EVENT_STREAM_TYPE);
        }
        return HttpResponse.ok(bridge.open(listener -> completions.stream(request, caller, trace, listener),
                trace::requestId))
                .contentType(MediaType.TEXT_EVENT_STREAM_TYPE);
    }
}
