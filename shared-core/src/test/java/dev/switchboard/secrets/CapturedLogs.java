package dev.switchboard.secrets;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.stream.Collectors;

/** Every log event while it is attached to the root logger, rendered with its exception chain. */
final class CapturedLogs implements AutoCloseable {

    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    CapturedLogs() {
        appender.start();
        root().addAppender(appender);
    }

    /** Each event's level, logger, message and the messages of its exception chain, one line each. */
    List<String> lines() {
        return appender.list.stream().map(CapturedLogs::render).collect(Collectors.toList());
    }

    List<String> at(Level level) {
        return appender.list.stream().filter(e -> e.getLevel() == level).map(CapturedLogs::render)
                .collect(Collectors.toList());
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
