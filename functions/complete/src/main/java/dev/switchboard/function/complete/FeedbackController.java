package dev.switchboard.function.complete;

import dev.switchboard.api.FeedbackRequestParser;
import dev.switchboard.api.FeedbackResponse;
import dev.switchboard.service.Caller;
import dev.switchboard.service.FeedbackService;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;


/** POST /feedback: a rating or quality score for one of the caller's requests; 201 with what was stored. */
// The ledger is a blocking database: keep it off the server's event loop.
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public class FeedbackController {

    private final FeedbackRequestParser parser;
    private final FeedbackService feedback;

    public FeedbackController(FeedbackRequestParser parser, FeedbackService feedback) {
        this.parser = parser;
        this.feedback = feedback;
    }

    // Taken raw, like /complete, so that every malformed body gets our 400 naming the field.
    @Post(uri = "/feedback", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    public HttpResponse<FeedbackResponse> submit(@Nullable @Body byte[] body, Caller caller) {
        return HttpResponse.created(feedback.submit(parser.parse(body), caller));
    }
}
