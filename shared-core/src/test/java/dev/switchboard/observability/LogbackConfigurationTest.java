package dev.switchboard.observability;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.joran.spi.JoranException;
import ch.qos.logback.core.status.Status;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The logback configuration every function ships, loaded as logback loads it, in this (non-Lambda)
 * environment: readable lines, the request and metric loggers off, and no complaint from logback.
 */
class LogbackConfigurationTest {

    @Test
    @SuppressWarnings("unchecked")
    void outsideLambdaItLogsReadableLinesAndNoRequestOrMetricLines() throws JoranException {
        LoggerContext context = new LoggerContext();
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        URL file = getClass().getClassLoader().getResource("logback.xml");
        assertNotNull(file);

        configurator.doConfigure(file);

        List<Status> problems = context.getStatusManager().getCopyOfStatusList().stream()
                .filter(status -> status.getLevel() >= Status.WARN).toList();
        assertTrue(problems.isEmpty(), problems.toString());
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        ConsoleAppender<ILoggingEvent> console = (ConsoleAppender<ILoggingEvent>) root.getAppender("console");
        assertFalse(((ConsoleLineEncoder) console.getEncoder()).json());
        assertEquals(Level.OFF, context.getLogger(RequestObserver.LOGGER).getLevel());
        assertEquals(Level.OFF, context.getLogger(EmfMetricsSink.LOGGER).getLevel());
        assertFalse(context.getLogger(EmfMetricsSink.LOGGER).isAdditive(), "EMF lines never get a log envelope");
        context.stop();
    }
}
