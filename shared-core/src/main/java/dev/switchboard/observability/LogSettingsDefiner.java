package dev.switchboard.observability;

import ch.qos.logback.core.PropertyDefinerBase;
import dev.switchboard.config.ProcessEnvironment;

/**
 * Hands one of the {@link LogSettings} to logback's configuration file, chosen by the nested
 * {@code <aspect>}: {@code format} gives the appender to use (json or text); {@code requests} and
 * {@code metrics} give the level (INFO or OFF) of the request and metrics loggers. A bad variable is
 * reported on logback's status and the environment's defaults are used: logging must never stop.
 */
public class LogSettingsDefiner extends PropertyDefinerBase {

    private String aspect = "format";

    public void setAspect(String aspect) {
        this.aspect = aspect;
    }

    @Override
    public String getPropertyValue() {
        LogSettings.Lenient lenient = LogSettings.lenient(ProcessEnvironment.current().variables());
        if (lenient.problem() != null && "format".equals(aspect)) {
            addError(lenient.problem());
        }
        LogSettings settings = lenient.settings();
        return switch (aspect) {
            case "requests" -> settings.requestLines() ? "INFO" : "OFF";
            case "metrics" -> settings.emfMetrics() ? "INFO" : "OFF";
            default -> settings.json() ? "json" : "text";
        };
    }
}
