package io.touchpoint.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * No personal data in logs (architecture rule): every log record written while a capture is open, from every logger
 * (the root logger, which Quarkus's JBoss LogManager bridges), formatted with its message and parameters filled in.
 * A test plants distinctive personal data, drives the service with it, and then asks this capture whether any of it
 * reached a line. Close it when the test ends (in {@code @AfterEach}, or with try-with-resources) so that it is
 * always detached again.
 */
public final class LogCapture implements AutoCloseable {

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Handler handler = new Handler() {
        private final Formatter formatter = new SimpleFormatter();

        @Override
        public void publish(LogRecord record) {
            lines.add(formatter.format(record));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private LogCapture() {
        Logger.getLogger("").addHandler(handler);
    }

    /** Starts capturing every log record. */
    public static LogCapture everyLogger() {
        return new LogCapture();
    }

    /** The records captured so far, each as formatted text. */
    public List<String> lines() {
        return List.copyOf(lines);
    }

    /**
     * Fails unless a record contains the text: proof that the capture saw what the test drove (a request line), so
     * that finding nothing below means something.
     */
    public void assertSomeLineContains(String text) {
        if (lines.stream().noneMatch(line -> line.contains(text))) {
            throw new AssertionError("the capture saw no line with \"" + text + "\" among " + lines.size()
                    + " lines: it did not capture what the test drove");
        }
    }

    /** Fails naming each planted value that reached the log, and the records it is in. */
    public void assertNoneReachedTheLog(String... planted) {
        String all = String.join("\n", lines);
        List<String> leaks = new ArrayList<>();
        for (String value : planted) {
            if (all.contains(value)) {
                List<String> where = lines.stream().filter(line -> line.contains(value)).toList();
                leaks.add("\"" + value + "\" in " + (where.isEmpty() ? "text spanning records" : String.join("", where)));
            }
        }
        if (!leaks.isEmpty()) {
            throw new AssertionError("planted personal data reached the log:\n" + String.join("\n", leaks));
        }
    }

    @Override
    public void close() {
        Logger.getLogger("").removeHandler(handler);
    }
}
