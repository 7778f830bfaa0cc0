package dk.clinic.testing;

import org.jboss.logmanager.ExtLogRecord;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * What a service under test logs while a story runs, as its log would show it: each record's level, category and
 * formatted message (with its exception's text), for tests of what must never reach a log (a patient's address) or what
 * must not read as a failure (an expected refusal).
 */
public final class CapturedLog extends Handler implements AutoCloseable {

    /** One record: its level, its logger's category and the message as the log shows it. */
    public record Line(Level level, String category, String message) {
        @Override
        public String toString() {
            return level + " [" + category + "] " + message;
        }
    }

    private final List<Line> lines = new CopyOnWriteArrayList<>();

    private CapturedLog() {
    }

    /** Starts capturing everything logged at the levels the service's configuration lets through. */
    public static CapturedLog capture() {
        CapturedLog log = new CapturedLog();
        Logger.getLogger("").addHandler(log);
        return log;
    }

    public List<Line> lines() {
        return List.copyOf(lines);
    }

    /** The lines at WARN or above. */
    public List<Line> warnings() {
        return lines.stream().filter(l -> l.level().intValue() >= Level.WARNING.intValue()).toList();
    }

    /**
     * The lines at WARN or above, less those of the given categories: the broker's client, for one, warns about a topic
     * it is still creating whenever some other story's event is relayed, which says nothing about the story under test.
     */
    public List<Line> warningsExceptFrom(String... categories) {
        return warnings().stream()
                .filter(l -> l.category() == null || Arrays.stream(categories).noneMatch(l.category()::startsWith))
                .toList();
    }

    @Override
    public void publish(LogRecord record) {
        String message = record instanceof ExtLogRecord extended ? extended.getFormattedMessage() : record.getMessage();
        if (record.getThrown() != null) {
            message = message + " " + record.getThrown();
        }
        lines.add(new Line(record.getLevel(), record.getLoggerName(), message));
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        Logger.getLogger("").removeHandler(this);
    }
}
