package dev.switchboard.observability;

import ch.qos.logback.classic.ClassicConstants;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.Configurator.ExecutionStatus;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.status.Status;
import io.micronaut.logging.impl.LogbackUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The logging every function sets up, as logback runs it, in each environment it knows. */
@SuppressWarnings("unchecked")
class LogbackSetupTest {

    @Test
    void outsideLambdaItLogsReadableLinesAndNoRequestOrMetricLines() {
        LoggerContext context = configured(Map.of());

        assertTrue(problems(context).isEmpty(), problems(context).toString());
        assertInstanceOf(PatternLayoutEncoder.class, consoleEncoder(context));
        assertEquals(Level.INFO, context.getLogger(Logger.ROOT_LOGGER_NAME).getLevel());
        assertEquals(Level.OFF, context.getLogger(RequestObserver.LOGGER).getLevel());
        assertEquals(Level.OFF, context.getLogger(EmfMetricsSink.LOGGER).getLevel());
        assertFalse(context.getLogger(EmfMetricsSink.LOGGER).isAdditive(), "EMF lines never get a log envelope");
        assertEquals(Level.WARN, context.getLogger("com.zaxxer.hikari").getLevel());
        assertEquals(Level.WARN, context.getLogger("org.flywaydb").getLevel());
        context.stop();
    }

    @Test
    void onLambdaItLogsJsonLinesWithTheRequestLinesAndBareMetricDocuments() {
        LoggerContext context = configured(Map.of("AWS_LAMBDA_FUNCTION_NAME", "switchboard-dev-complete"));

        assertTrue(problems(context).isEmpty(), problems(context).toString());
        assertInstanceOf(JsonLogEncoder.class, consoleEncoder(context));
        assertEquals(Level.INFO, context.getLogger(RequestObserver.LOGGER).getLevel());
        Logger metrics = context.getLogger(EmfMetricsSink.LOGGER);
        assertEquals(Level.INFO, metrics.getLevel());
        ConsoleAppender<ILoggingEvent> emf = (ConsoleAppender<ILoggingEvent>) metrics.getAppender("emf");
        assertTrue(emf.isStarted());
        LoggingEvent event = new LoggingEvent(getClass().getName(), metrics, Level.INFO, "{\"_aws\":{}}", null, null);
        assertEquals("{\"_aws\":{}}\n", new String(emf.getEncoder().encode(event), StandardCharsets.UTF_8));
        context.stop();
    }

    @Test
    void aBadVariableIsReportedByNameAndTheEnvironmentsDefaultsApply() {
        LoggerContext context = configured(Map.of("SWITCHBOARD_LOG_FORMAT", "xml", "SWITCHBOARD_METRICS", "emf"));

        List<Status> problems = problems(context);
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).getMessage().contains("SWITCHBOARD_LOG_FORMAT"), problems.get(0).getMessage());
        assertInstanceOf(PatternLayoutEncoder.class, consoleEncoder(context));
        // Every variable falls back together, so a typo in one cannot leave a half-applied mix.
        assertEquals(Level.OFF, context.getLogger(EmfMetricsSink.LOGGER).getLevel());
        context.stop();
    }

    @Test
    void anOperatorsOwnConfigurationFileIsReadInstead(@TempDir Path dir) throws IOException {
        Path file = operatorsFile(dir);
        withConfigurationFile(file, () -> {
            LoggerContext context = new LoggerContext();
            LogbackSetup setup = new LogbackSetup(Map::of);
            setup.setContext(context);

            assertEquals(ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY, setup.configure(context));
            assertOperatorsFileApplied(context);
            context.stop();
        });
    }

    @Test
    void micronautsLoggingRefreshAlsoAppliesTheOperatorsFile(@TempDir Path dir) throws IOException {
        // Micronaut's refresh (any logger.levels setting triggers one) resets the context and runs only
        // the first configurator it finds, ignoring what that returns.
        Path file = operatorsFile(dir);
        withConfigurationFile(file, () -> {
            LoggerContext context = new LoggerContext();
            LogbackUtils.configure(getClass().getClassLoader(), context, "logback.xml");
            assertOperatorsFileApplied(context);
            context.stop();
        });
        LoggerContext context = new LoggerContext();
        LogbackUtils.configure(getClass().getClassLoader(), context, "logback.xml");
        assertNotNull(context.getLogger(EmfMetricsSink.LOGGER).getAppender("emf"));
        context.stop();
    }

    @Test
    void logbackFindsItAndThisProcessIsConfiguredByIt() {
        assertTrue(ServiceLoader.load(Configurator.class).stream().anyMatch(p -> p.type() == LogbackSetup.class));
        LoggerContext live = (LoggerContext) LoggerFactory.getILoggerFactory();
        // Only this set-up has an "emf" appender (logback's fallback also names its appender "console").
        assertNotNull(live.getLogger(EmfMetricsSink.LOGGER).getAppender("emf"));
        assertFalse(live.getLogger(EmfMetricsSink.LOGGER).isAdditive());
    }

    private static Path operatorsFile(Path dir) throws IOException {
        return Files.writeString(dir.resolve("operators-logback.xml"), """
                <configuration>
                    <appender name="operators" class="ch.qos.logback.core.ConsoleAppender">
                        <encoder><pattern>%msg%n</pattern></encoder>
                    </appender>
                    <root level="WARN"><appender-ref ref="operators"/></root>
                </configuration>
                """);
    }

    private static void assertOperatorsFileApplied(LoggerContext context) {
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        assertNotNull(root.getAppender("operators"));
        assertNull(root.getAppender("console"));
        assertEquals(Level.WARN, root.getLevel());
    }

    /** Runs {@code check} with logback's file property set to {@code file}, then puts it back. */
    private static void withConfigurationFile(Path file, Runnable check) {
        String before = System.getProperty(ClassicConstants.CONFIG_FILE_PROPERTY);
        System.setProperty(ClassicConstants.CONFIG_FILE_PROPERTY, file.toString());
        try {
            check.run();
        } finally {
            if (before == null) {
                System.clearProperty(ClassicConstants.CONFIG_FILE_PROPERTY);
            } else {
                System.setProperty(ClassicConstants.CONFIG_FILE_PROPERTY, before);
            }
        }
    }

    private static LoggerContext configured(Map<String, String> environment) {
        LoggerContext context = new LoggerContext();
        LogbackSetup setup = new LogbackSetup(() -> environment);
        setup.setContext(context);
        assertEquals(ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY, setup.configure(context));
        return context;
    }

    private static Encoder<ILoggingEvent> consoleEncoder(LoggerContext context) {
        ConsoleAppender<ILoggingEvent> console = (ConsoleAppender<ILoggingEvent>)
                context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("console");
        assertTrue(console.isStarted());
        return console.getEncoder();
    }

    private static List<Status> problems(LoggerContext context) {
        return context.getStatusManager().getCopyOfStatusList().stream()
                .filter(status -> status.getLevel() >= Status.WARN).toList();
    }
}
