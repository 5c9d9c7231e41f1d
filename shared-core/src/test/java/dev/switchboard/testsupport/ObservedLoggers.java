package dev.switchboard.testsupport;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.switchboard.observability.EmfMetricsSink;
import dev.switchboard.observability.RequestObserver;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * Turns on, while open, the two loggers that are off outside Lambda: the "request completed" lines
 * (which then reach the root logger, and so a {@link LogLines}) and the EMF metric documents (which
 * never reach the root: they are captured here).
 */
public final class ObservedLoggers implements AutoCloseable {

    private final Logger requests = logger(RequestObserver.LOGGER);
    private final Logger metrics = logger(EmfMetricsSink.LOGGER);
    private final Level requestsBefore = requests.getLevel();
    private final Level metricsBefore = metrics.getLevel();
    private final ListAppender<ILoggingEvent> documents = new ListAppender<>();

    public ObservedLoggers() {
        documents.start();
        metrics.addAppender(documents);
        requests.setLevel(Level.INFO);
        metrics.setLevel(Level.INFO);
    }

    /** Every EMF document written while open, one JSON text each. */
    public List<String> emfDocuments() {
        synchronized (documents.list) {
            return documents.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        }
    }

    @Override
    public void close() {
        requests.setLevel(requestsBefore);
        metrics.setLevel(metricsBefore);
        metrics.detachAppender(documents);
    }

    private static Logger logger(String name) {
        return (Logger) LoggerFactory.getLogger(name);
    }
}
