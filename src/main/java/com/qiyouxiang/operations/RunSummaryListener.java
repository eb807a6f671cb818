package com.qiyouxiang.operations;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Component;

import com.qiyouxiang.intake.spreadsheet.IngestProperties;
import com.qiyouxiang.warehouse.Warehouse;
import com.qiyouxiang.batch.RunLogProperties;
import com.qiyouxiang.batch.WarehouseTasklet;

/**
 * Ends every run with a one-screen summary (the job, its parameters, the files and rows it handled,
 * each step and what it did), on the console and in {@code <qyx.log-dir>/runs/}. A completed run
 * with anything the clerk must look at ({@link RunWarnings}, over every launch of a restarted run) ends
 * COMPLETED_WITH_WARNINGS (exit code 4).
 */
@Component
public class RunSummaryListener implements JobExecutionListener {

    public static final String WARNINGS = WarehouseTasklet.WARNINGS;
    /** The console summary keeps to one screen: at most this many detail lines per step (the run log has all). */
    static final int CONSOLE_LINES_PER_STEP = 8;
    private static final Logger log = LoggerFactory.getLogger(RunSummaryListener.class);

    private final Warehouse warehouse;
    private final RunLogProperties properties;
    private final JobRepository jobRepository;
    private final Path feedbackDir;

    public RunSummaryListener(Warehouse warehouse, RunLogProperties properties, JobRepository jobRepository,
                              IngestProperties ingest) {
        this.warehouse = warehouse;
        this.properties = properties;
        this.jobRepository = jobRepository;
        this.feedbackDir = ingest == null ? null : ingest.feedbackDir();
    }

    @Override
    public void afterJob(JobExecution job) {
        WholeExecution run = WholeExecution.of(job, jobRepository);
        List<RunFiles.RunFile> files = warehouse.isOpen() ? RunFiles.of(warehouse.jdbc(), run) : List.of();
        List<RunWarnings.CheckWarning> checks = warehouse.isOpen() ? RunWarnings.checks(warehouse.jdbc(), run) : List.of();
        List<RunWarnings.Warning> warnings = RunWarnings.of(files, checks, run.steps());
        if (job.getStatus() == BatchStatus.COMPLETED && !warnings.isEmpty()) {
            job.setExitStatus(new ExitStatus(WARNINGS, String.join("; ", warnings.stream().map(RunWarnings.Warning::english).toList())));
        }
        List<String> fileLines = fileLines(files);
        fileLines.addAll(warnings.stream().map(w -> "warning: " + w.english()).toList());
        String english = render(job, run.steps(), fileLines, Integer.MAX_VALUE, null);
        Path runLog = runLogPath(job);
        String chinese;
        try {
            chinese = new ClerkSummary(warehouse.isOpen() ? warehouse.jdbc() : null)
                    .render(job, run, files, checks, warnings, JobLaunchRunner.exitCodeOf(job), runLog, feedbackDir);
        } catch (RuntimeException e) { // the summary never changes the run's outcome
            log.warn("Cannot write the clerk's summary: {}", e.toString(), e);
            chinese = "七优享数据仓运行结果：退出码 " + JobLaunchRunner.exitCodeOf(job) + "（摘要无法生成，详见运行记录 " + runLog + "）";
        }
        Path written = write(runLog, english + "\n\n" + chinese);
        // the log file keeps the English summary; the console shows the clerk's, in Chinese
        log.info("\n{}", render(job, run.steps(), fileLines, CONSOLE_LINES_PER_STEP, written));
        System.out.println(chinese);
        System.out.flush();
    }

    /** The run's files by kind and status, with their rows. */
    private static List<String> fileLines(List<RunFiles.RunFile> files) {
        record Key(String kind, String status) {
        }
        Map<Key, long[]> groups = new java.util.TreeMap<>(java.util.Comparator.comparing(Key::kind).thenComparing(Key::status));
        for (RunFiles.RunFile f : files) {
            long[] g = groups.computeIfAbsent(new Key(f.sourceKind(), f.status()), k -> new long[5]);
            g[0]++;
            g[1] += f.read();
            g[2] += f.loaded();
            g[3] += f.rejected();
            g[4] += f.ignored();
        }
        List<String> lines = new ArrayList<>();
        groups.forEach((k, g) -> lines.add(String.format("files %-20s %-20s %4d: rows read %d = loaded %d + rejected %d + ignored %d",
                k.kind(), k.status(), g[0], g[1], g[2], g[3], g[4])));
        return lines;
    }

    /** {@code <log-dir>/runs/<time>-<job>-<id>.txt}, or null without a log folder. */
    private Path runLogPath(JobExecution job) {
        if (properties == null || properties.logDir() == null) {
            return null;
        }
        String name = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + "-"
                + job.getJobInstance().getJobName() + "-" + job.getId() + ".txt";
        return properties.logDir().resolve("runs").resolve(name);
    }

    private Path write(Path file, String summary) {
        if (file == null) {
            return null;
        }
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, summary + "\n", StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            log.warn("Cannot write the run summary to {}: {}", file, e.getMessage());
            return null;
        }
    }

    public static String render(JobExecution job, List<String> fileLines) {
        return render(job, job.getStepExecutions(), fileLines, Integer.MAX_VALUE, null);
    }

    /**
     * @param maxLinesPerStep detail lines shown per step; the rest are counted and left to the run log
     * @param fullSummary     the run log file holding everything, named when lines were left out
     */
    static String render(JobExecution job, java.util.Collection<StepExecution> steps, List<String> fileLines,
                         int maxLinesPerStep, Path fullSummary) {
        List<String> lines = new ArrayList<>();
        String rule = "=".repeat(72);
        lines.add(rule);
        lines.add("Run summary: " + job.getJobInstance().getJobName() + " #" + job.getId() + "  " + job.getStatus()
                + " (" + job.getExitStatus().getExitCode() + ")  in " + format(duration(job.getStartTime(), job.getEndTime())));
        lines.add("Parameters: " + job.getJobParameters().parameters().stream()
                .map(p -> p.name() + "=" + p.value()).sorted().toList());
        fileLines.forEach(l -> lines.add(l));
        for (StepExecution step : steps) {
            // each step says what it did in its own terms (the lines below); no generic read/write counters
            lines.add(String.format("- %-24s %-9s %s%s", step.getStepName(), step.getStatus(),
                    format(duration(step.getStartTime(), step.getEndTime())),
                    step.getJobExecutionId() == job.getId() ? "" : " (before the restart, execution #" + step.getJobExecutionId() + ")"));
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
