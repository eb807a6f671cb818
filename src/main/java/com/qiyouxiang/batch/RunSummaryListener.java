package com.qiyouxiang.batch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Component;

import com.qiyouxiang.warehouse.FileStatus;
import com.qiyouxiang.warehouse.Warehouse;

/**
 * Ends every run with a one-screen summary (the job, its parameters, the files and rows it handled,
 * each step and what it did), on the console and in {@code <qyx.log-dir>/runs/}. A completed run
 * that rejected rows, or whose steps reported warnings, ends COMPLETED_WITH_WARNINGS (exit code 4).
 */
@Component
public class RunSummaryListener implements JobExecutionListener {

    public static final String WARNINGS = "COMPLETED_WITH_WARNINGS";
    /** The console summary keeps to one screen: at most this many detail lines per step (the run log has all). */
    static final int CONSOLE_LINES_PER_STEP = 8;
    private static final Logger log = LoggerFactory.getLogger(RunSummaryListener.class);

    private final Warehouse warehouse;
    private final RunLogProperties properties;

    public RunSummaryListener(Warehouse warehouse, RunLogProperties properties) {
        this.warehouse = warehouse;
        this.properties = properties;
    }

    @Override
    public void afterJob(JobExecution job) {
        List<String> fileLines = warehouse.isOpen() ? fileLines(job.getId()) : List.of();
        boolean rejects = fileLines.stream().anyMatch(l -> l.startsWith("!"));
        boolean stepWarnings = job.getStepExecutions().stream().anyMatch(s -> WARNINGS.equals(s.getExitStatus().getExitCode()));
        if (job.getStatus() == BatchStatus.COMPLETED && (rejects || stepWarnings)) {
            job.setExitStatus(new ExitStatus(WARNINGS, rejects ? "rows were rejected: see etl_reject and the feedback workbooks"
                    : "a step reported warnings"));
        }
        List<String> files = fileLines.stream().map(l -> l.startsWith("!") ? l.substring(1) : l).toList();
        Path written = write(job, render(job, files, Integer.MAX_VALUE, null));
        log.info("\n{}", render(job, files, CONSOLE_LINES_PER_STEP, written));
    }

    /** The files this run handled, by status, and their rows; a line starting with '!' means rejects. */
    private List<String> fileLines(long jobExecutionId) {
        List<String> lines = new ArrayList<>();
        List<Map<String, Object>> rows = warehouse.jdbc().queryForList("""
                SELECT source_kind, status, count(*) AS files, sum(rows_read) AS read, sum(rows_loaded) AS loaded,
                       sum(rows_rejected) AS rejected, sum(rows_ignored) AS ignored
                FROM etl_file WHERE job_execution_id = ? GROUP BY ALL ORDER BY ALL""", jobExecutionId);
        for (Map<String, Object> r : rows) {
            boolean bad = ((Number) r.get("rejected")).longValue() > 0 || !loaded(String.valueOf(r.get("status")));
            lines.add((bad ? "!" : "") + String.format("files %-20s %-20s %4s: rows read %s = loaded %s + rejected %s + ignored %s",
                    r.get("source_kind"), r.get("status"), r.get("files"), r.get("read"), r.get("loaded"), r.get("rejected"), r.get("ignored")));
        }
        return lines;
    }

    private static boolean loaded(String status) {
        return Arrays.stream(FileStatus.values()).anyMatch(s -> s.isLoaded() && s.dbValue().equals(status));
    }

    private Path write(JobExecution job, String summary) {
        if (properties == null || properties.logDir() == null) {
            return null;
        }
        try {
            Path dir = properties.logDir().resolve("runs");
            Files.createDirectories(dir);
            String name = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + "-"
                    + job.getJobInstance().getJobName() + "-" + job.getId() + ".txt";
            Files.writeString(dir.resolve(name), summary + "\n", StandardCharsets.UTF_8);
            return dir.resolve(name);
        } catch (IOException e) {
            log.warn("Cannot write the run summary to {}: {}", properties.logDir(), e.getMessage());
            return null;
        }
    }

    public static String render(JobExecution job, List<String> fileLines) {
        return render(job, fileLines, Integer.MAX_VALUE, null);
    }

    /**
     * @param maxLinesPerStep detail lines shown per step; the rest are counted and left to the run log
     * @param fullSummary     the run log file holding everything, named when lines were left out
     */
    static String render(JobExecution job, List<String> fileLines, int maxLinesPerStep, Path fullSummary) {
        List<String> lines = new ArrayList<>();
        String rule = "=".repeat(72);
        lines.add(rule);
        lines.add("Run summary: " + job.getJobInstance().getJobName() + " #" + job.getId() + "  " + job.getStatus()
                + " (" + job.getExitStatus().getExitCode() + ")  in " + format(duration(job.getStartTime(), job.getEndTime())));
        lines.add("Parameters: " + job.getJobParameters().parameters().stream()
                .map(p -> p.name() + "=" + p.value()).sorted().toList());
        fileLines.forEach(l -> lines.add(l));
        for (StepExecution step : job.getStepExecutions()) {
            lines.add(String.format("- %-24s %-9s read %d, written %d, skipped %d, %s", step.getStepName(),
                    step.getStatus(), step.getReadCount(), step.getWriteCount(), step.getSkipCount(),
                    format(duration(step.getStartTime(), step.getEndTime()))));
            String summary = step.getExecutionContext().containsKey(WarehouseTasklet.SUMMARY_KEY)
                    ? step.getExecutionContext().getString(WarehouseTasklet.SUMMARY_KEY) : "";
            List<String> details = summary.lines().filter(l -> !l.isBlank()).toList();
            details.stream().limit(maxLinesPerStep).forEach(l -> lines.add("    " + l));
            if (details.size() > maxLinesPerStep) {
                lines.add("    ... " + (details.size() - maxLinesPerStep) + " more lines"
                        + (fullSummary == null ? "" : " in " + fullSummary));
            }
            step.getFailureExceptions().forEach(e -> lines.add("    FAILED: " + rootMessage(e)));
        }
        job.getFailureExceptions().forEach(e -> lines.add("FAILED: " + rootMessage(e)));
        lines.add(rule);
        return String.join("\n", lines);
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t == e || String.valueOf(e.getMessage()).contains(String.valueOf(t.getMessage()))
                ? String.valueOf(e.getMessage()) : e.getMessage() + " <- " + t.getMessage();
    }

    private static Duration duration(LocalDateTime start, LocalDateTime end) {
        if (start == null) {
            return Duration.ZERO;
        }
        return Duration.between(start, end == null ? LocalDateTime.now() : end);
    }

    private static String format(Duration d) {
        return String.format("%d.%03ds", d.toSeconds(), d.toMillisPart());
    }
}
