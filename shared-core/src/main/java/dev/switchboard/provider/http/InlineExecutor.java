package dev.switchboard.provider.http;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.Executor;

/**
 * The JDK HTTP client's executor: runs each of the client's own steps (parsing a response, handing
 * a body's bytes on, starting a retry) on the thread that asks, which is the caller's or the
 * client's selector thread, instead of handing it to a pool. Every upstream call here blocks its
 * caller until the body is read, so a pool only added two thread hand-offs per call.
 *
 * <p>A step that throws is logged and goes no further: on a pool the exception ended that pool
 * thread, but on the selector thread it would end the selector, and with it every later call of the
 * shared client. The call it belonged to still ends, by its own timeout or the body's idle watchdog.
 */
final class InlineExecutor implements Executor {

    private static final Logger LOG = LoggerFactory.getLogger(InlineExecutor.class);

    @Override
    public void execute(Runnable step) {
        try {
            step.run();
        } catch (RuntimeException e) {
            // The class only: JDK messages can hold a URI, never a key, but the type says enough.
            LOG.error("an upstream HTTP client step failed ({}); its call ends by its timeout", e.getClass().getName());
        }
    }
}
