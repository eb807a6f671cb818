package com.qiyouxiang.operations;

import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.builder.SimpleJobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import com.qiyouxiang.batch.WarehouseTasklet;
import com.qiyouxiang.evaluation.EvaluationProperties;
import com.qiyouxiang.evaluation.Quarter;
import com.qiyouxiang.evaluation.QuarterEvaluator;
import com.qiyouxiang.intake.pull.PullProperties;
import com.qiyouxiang.reply.ReplyProperties;
import com.qiyouxiang.validation.ValidationProperties;
import com.qiyouxiang.warehouse.Warehouse;
import com.qiyouxiang.warehouse.WarehouseProperties;

/**
 * The two scheduled runs, each one restartable job made of the stage jobs' steps (a killed run
 * resumes at the step it died in; each step commits whole, or per file for the ingests).
 * <ul>
 * <li>nightlyJob: the pulls that are enabled (platformPull: the platform interface's exports; mailPull: the
 * bureaus' mailed workbooks; sftpPull: a remote drop folder) →
 * reference data → bureau spreadsheets → platform exports → derived indicators →
 * 情况说明 and the 催报 list → the supplementary feedback workbooks of findings made after their file loaded
 * (补充反馈表) → every quarter's marts from qyx.nightly.evaluate-from through the current
 * one → data-quality checks → publish marts → quarterly report of the last closed quarter → mailReply, when enabled
 * (receipts with the feedback workbooks, 催报, the bureaus' report lines).</li>
 * <li>quarterlyJob ({@code quarter=2026Q3}, default the last closed quarter; {@code rerun=true} for a
 * re-convened meeting): evaluate that quarter → checks → freeze the meeting's version (会议口径, once the
 * quarter has closed) → publish → the quarterly report for the 季度调度会.</li>
 * </ul>
 * The platform derivation runs after the spreadsheets because it divides by 统计局's population by
 * town; the cross-source rule therefore compares a bureau's figure with the derived figure of the
 * previous night, and sql/statements/validation/cross_source_differences.sql shows the differences at any time.
 */
@Configuration
public class NightlyJobConfig {

    @Bean
    public Job nightlyJob(JobRepository jobRepository, PullProperties pulls, Step platformPull, Step mailPull, Step sftpPull,
                          Step loadReferenceData,
                          Step loadIndicatorCatalog, Step ingestSpreadsheets, Step platformLoad, Step platformDerive,
                          Step loadExplanations, Step recordMissingFigures, Step writeLaterFeedback, Step refreshQuarters,
                          Step dataQualityChecks,
                          Step publishMarts, Step writeQuarterlyReport, ReplyProperties replies, Step mailReply) {
        // the pulls that are enabled come first, before anything reads the inbox; off (the default), the run is as before
        List<Step> first = new ArrayList<>();
        if (pulls.platform().enabled()) {
            first.add(platformPull);
        }
        if (pulls.mail().enabled()) {
            first.add(mailPull);
        }
        if (pulls.sftp().enabled()) {
            first.add(sftpPull);
        }
        first.add(loadReferenceData);
        SimpleJobBuilder job = new JobBuilder("nightlyJob", jobRepository).start(first.get(0));
        first.subList(1, first.size()).forEach(job::next);
        job
                .next(loadIndicatorCatalog)
                .next(ingestSpreadsheets)
                .next(platformLoad)
                .next(platformDerive)
                .next(loadExplanations)
                .next(recordMissingFigures)
                // after every step that makes or closes a finding on a file loaded before (the cross-source pass of
                // platformDerive, the 情况说明): its supplementary feedback workbook, before mailReply sends it
                .next(writeLaterFeedback)
                .next(refreshQuarters)
                .next(dataQualityChecks)
                .next(publishMarts)
                .next(writeQuarterlyReport);
        if (replies.enabled()) { // last: the receipts need the feedback workbooks, the report lines the marts
            job.next(mailReply);
        }
        return job.build();
    }

    @Bean
    public Job quarterlyJob(JobRepository jobRepository, Step evaluateQuarter,
                            Step dataQualityChecks, Step freezeMeetingVersion, Step publishMarts, Step writeQuarterlyReport) {
        return new JobBuilder("quarterlyJob", jobRepository)
                .start(evaluateQuarter)
                .next(dataQualityChecks)
                .next(freezeMeetingVersion)
                .next(publishMarts)
                .next(writeQuarterlyReport)
                .build();
    }

    /** The nightly refresh: every quarter from the plan's first through the one under way, in one transaction. */
    @Bean
    public Step refreshQuarters(JobRepository jobRepository, PlatformTransactionManager tx, Warehouse warehouse,
                                WarehouseProperties warehouseProperties, EvaluationProperties evaluation,
                                ValidationProperties validation, @Value("${qyx.nightly.evaluate-from}") String from) {
        QuarterEvaluator evaluator = new QuarterEvaluator(evaluation, warehouseProperties.referenceDir(),
                validation.countUnverified());
        return new StepBuilder("refreshQuarters", jobRepository).tasklet(new WarehouseTasklet(warehouse) {
            @Override
            protected List<String> work(Connection c, StepContribution contribution, ChunkContext context) throws Exception {
                Quarter current = Quarter.current(LocalDate.now());
                Quarter lastClosed = Quarter.lastClosed(LocalDate.now());
                List<String> lines = new ArrayList<>();
                for (Quarter quarter : Quarter.parse(from).through(current)) {
                    List<String> summary = evaluator.evaluate(c, quarter);
                    lines.add(summary.get(0));
                    if (quarter.equals(lastClosed)) {
                        lines.addAll(summary.subList(1, summary.size()));
                    }
                }
                return lines;
            }
        }, tx).build();
    }
}
