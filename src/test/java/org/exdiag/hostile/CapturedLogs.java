package org.exdiag.hostile;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/** The Logback events of one logger and those below it, kept for assertions until closed. */
final class CapturedLogs implements AutoCloseable {
    private final Logger logger;
    private final Level levelBefore;
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    /** {@code level}: what the logger is set to while capturing (restored on close); null leaves it. */
    CapturedLogs(String loggerName, Level level) {
        logger = (Logger) LoggerFactory.getLogger(loggerName);
        levelBefore = logger.getLevel();
        appender.start();
        logger.addAppender(appender);
        if (level != null) {
            logger.setLevel(level);
        }
    }

    /** What was logged so far, copied under the appender's lock: server threads may still be logging. */
    List<ILoggingEvent> events() {
        synchronized (appender) {
            return List.copyOf(appender.list);
        }
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
        appender.stop();
        logger.setLevel(levelBefore);
    }
}
