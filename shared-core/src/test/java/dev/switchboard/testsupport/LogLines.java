package dev.switchboard.testsupport;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import dev.switchboard.observability.JsonLogEncoder;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * Every log event of every logger (at any level the loggers let through) while open, rendered with
 * its exception chain, so a test can look for a secret in all of it.
 */
public final class LogLines implements AutoCloseable {

    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    public LogLines() {
        appender.start();
        root().addAppender(appender);
    }

    /** One line per event: level, logger, message, then each cause's class and message. */
    public List<String> lines() {
        synchronized (appender.list) {
            return appender.list.stream().map(LogLines::render).toList();
        }
    }

    /** Each event as the JSON log encoder writes it (the format on Lambda), without the newline. */
    public List<String> jsonLines() {
        JsonLogEncoder encoder = new JsonLogEncoder();
        synchronized (appender.list) {
            return appender.list.stream().map(event -> encoder.line(event).strip()).toList();
        }
    }

    public List<String> at(String level) {
        return lines().stream().filter(line -> line.startsWith(level + " ")).toList();
    }

    @Override
    public void close() {
        root().detachAppender(appender);
    }

    private static String render(ILoggingEvent event) {
        StringBuilder line = new StringBuilder(event.getLevel() + " " + event.getLoggerName() + " "
                + event.getFormattedMessage());
        for (IThrowableProxy cause = event.getThrowableProxy(); cause != null; cause = cause.getCause()) {
            line.append(" | ").append(cause.getClassName()).append(": ").append(cause.getMessage());
        }
        return line.toString();
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }
}
