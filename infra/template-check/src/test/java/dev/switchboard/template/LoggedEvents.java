package dev.switchboard.template;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;

import java.util.List;

/** What the code logs on one logger while an action runs, with that logger at INFO meanwhile. */
final class LoggedEvents {

    private LoggedEvents() {
    }

    static List<ILoggingEvent> of(String loggerName, Runnable action) {
        Logger logger = (Logger) LoggerFactory.getLogger(loggerName);
        Level level = logger.getLevel();
        ListAppender<ILoggingEvent> events = new ListAppender<>();
        events.start();
        logger.addAppender(events);
        logger.setLevel(Level.INFO);
        try {
            action.run();
        } finally {
            logger.detachAppender(events);
            logger.setLevel(level);
        }
        return List.copyOf(events.list);
    }
}
