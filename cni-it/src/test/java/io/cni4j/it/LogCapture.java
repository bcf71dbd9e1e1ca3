package io.cni4j.it;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Captures everything cni4j logs through {@link System.Logger}, whose default backend is
 * java.util.logging: a handler on the root logger, with the root level at ALL (DEBUG and TRACE
 * included) until closed.
 */
final class LogCapture extends Handler implements AutoCloseable {

    private final Logger root = Logger.getLogger("");
    private final Level previousLevel = root.getLevel();
    private final List<LogRecord> records = new ArrayList<>();
    private final SimpleFormatter formatter = new SimpleFormatter();

    LogCapture() {
        setLevel(Level.ALL);
        root.setLevel(Level.ALL);
        root.addHandler(this);
    }

    @Override
    public synchronized void publish(LogRecord record) {
        records.add(record);
    }

    /** @return every captured record as text: level, logger, formatted message and any exception with its causes */
    synchronized List<String> lines() {
        List<String> out = new ArrayList<>();
        for (LogRecord r : records) {
            StringBuilder line = new StringBuilder(r.getLevel() + " " + r.getLoggerName() + ": " + formatter.formatMessage(r));
            for (Throwable t = r.getThrown(); t != null; t = t.getCause()) {
                line.append(" | ").append(t);
            }
            out.add(line.toString());
        }
        return out;
    }

    /** @return the captured records at WARNING or above, as text */
    List<String> warnings() {
        return lines().stream().filter(l -> l.startsWith("WARNING ") || l.startsWith("SEVERE ")).toList();
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        root.removeHandler(this);
        root.setLevel(previousLevel);
    }
}
