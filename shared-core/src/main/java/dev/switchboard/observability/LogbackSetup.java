package dev.switchboard.observability;

import ch.qos.logback.classic.ClassicConstants;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.DefaultJoranConfigurator;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.spi.ContextAwareBase;
import dev.switchboard.config.ProcessEnvironment;

import java.util.Map;
import java.util.function.Supplier;

/**
 * Every function's logging, set up in code when logback starts (found through
 * {@code META-INF/services}): one console appender whose lines are JSON ({@link JsonLogEncoder}) or text
 * by {@link LogSettings},
 * the EMF lines bare on their own appender, and the request and metric loggers on or off. In code
 * rather than a {@code logback.xml} because reading one costs a cold start about 100 ms (logback's
 * Joran and the JDK's XML parser, some 600 classes). An operator's own file still wins: with
 * {@code -Dlogback.configurationFile} set, this reads that file instead. A bad variable is reported on logback's
 * status and the environment's defaults are used: logging must never stop.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_HIGH_PRIORITY)
public final class LogbackSetup extends ContextAwareBase implements Configurator {

    /** Text lines: the request id after the logger, the event's key-value pairs after the message. */
    static final String TEXT_PATTERN = "%d{HH:mm:ss.SSS} %-5level [%thread] %logger{36} %X{request_id} - %msg %kvp%n";

    private final Supplier<Map<String, String>> environment;

    /** As logback's service loader makes it: the process's own environment. */
    public LogbackSetup() {
        this(() -> ProcessEnvironment.current().variables());
    }

    LogbackSetup(Supplier<Map<String, String>> environment) {
        this.environment = environment;
    }

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty(ClassicConstants.CONFIG_FILE_PROPERTY) != null) {
            // Read the operator's file here rather than leave it to the next configurator: Micronaut's
            // logging refresh runs only the first configurator it finds and ignores what it returns.
            DefaultJoranConfigurator operators = new DefaultJoranConfigurator();
            operators.setContext(context);
            return operators.configure(context);
        }
        LogSettings.Lenient lenient = LogSettings.lenient(environment.get());
        if (lenient.problem() != null) {
            addError(lenient.problem());
        }
        apply(context, lenient.settings());
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** The named loggers first and the root last, so no line goes out through the root half set up. */
    private static void apply(LoggerContext context, LogSettings settings) {
        // EMF documents go out bare, one per line (CloudWatch reads a line only if it is the document),
        // written before the request returns: Lambda freezes the process as soon as the handler returns,
        // so a document left in a queue would go out late or never.
        Logger metrics = context.getLogger(EmfMetricsSink.LOGGER);
        metrics.setLevel(settings.emfMetrics() ? Level.INFO : Level.OFF);
        metrics.setAdditive(false);
        metrics.addAppender(console(context, "emf", new MessageLineEncoder()));

        context.getLogger(RequestObserver.LOGGER).setLevel(settings.requestLines() ? Level.INFO : Level.OFF);
        context.getLogger("com.zaxxer.hikari").setLevel(Level.WARN);
        context.getLogger("org.flywaydb").setLevel(Level.WARN);

        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(console(context, "console", settings.json() ? new JsonLogEncoder() : text()));
    }

    private static Encoder<ILoggingEvent> text() {
        PatternLayoutEncoder text = new PatternLayoutEncoder();
        text.setPattern(TEXT_PATTERN);
        return text;
    }

    private static ConsoleAppender<ILoggingEvent> console(LoggerContext context, String name,
                                                          Encoder<ILoggingEvent> encoder) {
        encoder.setContext(context);
        encoder.start();
        ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
        appender.setContext(context);
        appender.setName(name);
        appender.setEncoder(encoder);
        appender.start();
        return appender;
    }
}
