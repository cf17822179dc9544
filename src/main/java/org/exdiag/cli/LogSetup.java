package org.exdiag.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.util.Locale;
import java.util.Map;

/**
 * The logging set-up, in code rather than logback.xml: reading the XML (logback's Joran) cost about a
 * fifth of a second of every start, a third of what {@code exdiag analyze} on one file took. Logs go to
 * stderr (stdout carries reports); the root level is WARN, or EXDIAG_LOG_LEVEL. A file given with
 * {@code -Dlogback.configurationFile=...} still wins: then this steps aside.
 */
public final class LogSetup extends ContextAwareBase implements Configurator {
    /** Loggers and their levels, with why. */
    private static final Map<String, Level> LEVELS = Map.of(
            // Drools is chatty at INFO about building rule bases.
            "org.drools", Level.WARN,
            "org.kie", Level.WARN,
            // Facts are immutable records, never modified in a session: property reactivity (what this
            // logger warns about) cannot matter here.
            "org.drools.mvel.MVELConstraint", Level.ERROR,
            // A rules folder that does not compile is reported with file and line; Drools's own one-line
            // "Unable to build KieBaseModel" would only add noise.
            "org.drools.compiler.kie.builder.impl.KieProject", Level.OFF,
            // The server's access log (method, route, status, time: never bodies, headers or query data)
            // and its reload messages.
            "exdiag.access", Level.INFO,
            "org.exdiag.cli.ServeCommand", Level.INFO);

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%d{HH:mm:ss.SSS} %-5level %logger{20} - %msg%n");
        encoder.start();
        ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
        stderr.setContext(context);
        stderr.setName("STDERR");
        stderr.setTarget("System.err");
        stderr.setEncoder(encoder);
        stderr.start();
        ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(rootLevel());
        root.addAppender(stderr);
        LEVELS.forEach((name, level) -> context.getLogger(name).setLevel(level));
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    private static Level rootLevel() {
        String wanted = System.getenv("EXDIAG_LOG_LEVEL");
        return wanted == null || wanted.isBlank() ? Level.WARN : Level.toLevel(wanted.strip().toUpperCase(Locale.ROOT), Level.WARN);
    }
}
