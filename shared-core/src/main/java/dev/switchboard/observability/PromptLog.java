package dev.switchboard.observability;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Inject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prompt text in the logs, only where the operator asked for it with
 * {@code switchboard.log.include-prompts=true} (SWITCHBOARD_LOG_INCLUDE_PROMPTS): off by default, since
 * prompts are the callers' data. When on, each routed prompt is one "prompt received" line carrying
 * the request id, so that it can be joined to the request's other lines.
 */
// Built at start-up, so that the warning that prompt logging is on comes before the first request.
@Context
public class PromptLog {

    public static final String LOGGER = "switchboard.prompts";
    static final String MESSAGE = "prompt received";

    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

    /** Logs no prompt, whatever the configuration: for code built by hand. */
    public static final PromptLog OFF = new PromptLog(false, false);

    private final boolean enabled;

    @Inject
    public PromptLog(@Value("${switchboard.log.include-prompts:false}") boolean enabled) {
        this(enabled, true);
    }

    private PromptLog(boolean enabled, boolean announce) {
        this.enabled = enabled;
        if (enabled && announce) {
            LOG.warn("prompt logging is ON (switchboard.log.include-prompts): the logs hold callers' prompts");
        }
    }

    public void received(String prompt) {
        if (enabled) {
            LOG.atInfo().addKeyValue("prompt", prompt).log(MESSAGE);
        }
    }
}
