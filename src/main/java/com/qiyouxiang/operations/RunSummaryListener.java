package com.qiyouxiang.operations;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Component;

import com.qiyouxiang.warehouse.WarehouseTasklet;

/** Ends every run with a one-screen summary: the job, its parameters, each step and what it did. */
@Component
public class RunSummaryListener implements JobExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(RunSummaryListener.class);

    @Override
    public void afterJob(JobExecution job) {
        log.info("\n{}", render(job));
    }

    public static String render(JobExecution job) {
        List<String> lines = new ArrayList<>();
        String rule = "=".repeat(72);
        lines.add(rule);
        lines.add("Run summary: " + job.getJobInstance().getJobName() + " #" + job.getId() + "  " + job.getStatus()
                + " (" + job.getExitStatus().getExitCode() + ")  in " + format(duration(job.getStartTime(), job.getEndTime())));
        lines.add("Parameters: " + job.getJobParameters().parameters().stream()
                .map(p -> p.name() + "=" + p.value()).sorted().toList());
        for (StepExecution step : job.getStepExecutions()) {
            lines.add(String.format("- %-24s %-9s read %d, written %d, skipped %d, %s", step.getStepName(),
                    step.getStatus(), step.getReadCount(), step.getWriteCount(), step.getSkipCount(),
                    format(duration(step.getStartTime(), step.getEndTime()))));
            String summary = step.getExecutionContext().containsKey(WarehouseTasklet.SUMMARY_KEY)
                    ? step.getExecutionContext().getString(WarehouseTasklet.SUMMARY_KEY) : "";
            for (String line : summary.split("\n")) {
                if (!line.isBlank()) {
                    lines.add("    " + line);
                }
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
        return t == e ? String.valueOf(e.getMessage()) : e.getMessage() + " <- " + t.getMessage();
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
