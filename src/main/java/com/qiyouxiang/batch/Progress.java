package com.qiyouxiang.batch;

import java.io.PrintStream;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Progress of a long step (a large file, a big query): file, rows done, rate and ETA. On a terminal
 * it is a progress bar redrawn in place on stderr; when not on a terminal (cron, systemd) it is a
 * log line every {@link #interval} (qyx.progress-interval, default 10 s), plus one at the end.
 *
 * <pre>try (Progress p = Progress.start("H01-卫健局-2024Q2.xlsx", totalRows, "rows")) { ... p.advance(n); }</pre>
 */
public final class Progress implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Progress.class);
    private static volatile Duration interval = Duration.ofSeconds(10);
    private static volatile boolean terminal = System.console() != null;

    private final String label;
    private String item = "";
    private final long total;
    private final String unit;
    private final long started = System.nanoTime();
    private long done;
    private long lastReport = System.nanoTime();

    private Progress(String label, long total, String unit) {
        this.label = label;
        this.total = total;
        this.unit = unit;
    }

    /** @param total the expected amount, or -1 when unknown */
    public static Progress start(String label, long total, String unit) {
        return new Progress(label, total, unit);
    }

    static void configure(Duration logInterval, boolean onTerminal) {
        interval = logInterval;
        terminal = onTerminal;
    }

    public void advance(long n) {
        done += n;
        long now = System.nanoTime();
        long every = terminal ? 200_000_000L : interval.toNanos();
        if (now - lastReport >= every) {
            lastReport = now;
            report(false);
        }
    }

    /** The item being worked on now (a file name), shown after the label. */
    public void working(String item) {
        this.item = item;
    }

    public long done() {
        return done;
    }

    /** The progress line, e.g. "file.csv  [=====>    ] 52% 2,600,000/5,000,000 rows  410k rows/s  ETA 0:06". */
    String line() {
        double seconds = Math.max((System.nanoTime() - started) / 1e9, 1e-3);
        double rate = done / seconds;
        StringBuilder s = new StringBuilder(label).append(item.isEmpty() ? "" : " " + item).append("  ");
        if (total > 0) {
            int pct = (int) Math.min(100, done * 100 / total);
            int filled = pct / 5;
            s.append('[').append("=".repeat(filled)).append(filled < 20 ? ">" : "").append(" ".repeat(Math.max(0, 19 - filled)))
                    .append("] ").append(pct).append("% ").append(String.format("%,d/%,d", done, total));
        } else {
            s.append(String.format("%,d", done));
        }
        s.append(' ').append(unit).append("  ").append(human(rate)).append(' ').append(unit).append("/s");
        if (total > 0 && rate > 0 && done < total) {
            long eta = (long) ((total - done) / rate);
            s.append("  ETA ").append(eta / 60).append(':').append(String.format("%02d", eta % 60));
        }
        return s.toString();
    }

    private void report(boolean last) {
        if (terminal) {
            PrintStream err = System.err;
            err.print("\r" + line() + (last ? "\n" : ""));
            err.flush();
        } else {
            log.info("progress: {}", line());
        }
    }

    private static String human(double rate) {
        return rate >= 1e6 ? String.format("%.1fM", rate / 1e6) : rate >= 1e3 ? String.format("%.0fk", rate / 1e3) : String.format("%.0f", rate);
    }

    @Override
    public void close() {
        report(true);
    }
}
