package com.qiyouxiang.intake.platform;

import java.sql.Connection;
import java.util.List;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import com.qiyouxiang.batch.WarehouseTasklet;
import com.qiyouxiang.validation.ValidationProperties;
import com.qiyouxiang.validation.ValueRules;
import com.qiyouxiang.warehouse.FileLimits;
import com.qiyouxiang.warehouse.QuarantineProperties;
import com.qiyouxiang.warehouse.Warehouse;

/**
 * platformJob: the 公共数据平台 CSV exports in qyx.platform.inbox-dir.
 * <ol>
 * <li>platformLoad: every new export (by checksum), each in its own transaction: indicator exports
 * through ValueRules into facts (source_kind 'platform'); record-level lists validated, pseudonymised
 * and loaded by DuckDB into rec_* tables; bad lines into etl_reject with line numbers.</li>
 * <li>platformDerive: the indicators derived from the lists (sql/indicators/) as facts with
 * source_kind 'derived', in one transaction. In the nightly run it belongs after the spreadsheet
 * step, which brings the 统计局 population the derivations divide by.</li>
 * </ol>
 */
@Configuration
public class PlatformJobConfig {

    @Bean
    public Job platformJob(JobRepository jobRepository, Step platformLoad, Step platformDerive) {
        return new JobBuilder("platformJob", jobRepository)
                .start(platformLoad)
                .next(platformDerive)
                .build();
    }

    @Bean
    public Step platformLoad(JobRepository jobRepository, PlatformTransactionManager tx, Warehouse warehouse,
                             PlatformProperties properties, ValueRules valueRules, ValidationProperties validation,
                             FileLimits limits, QuarantineProperties quarantine) {
        return new StepBuilder("platformLoad", jobRepository).tasklet((StepContribution contribution, ChunkContext context) -> {
            PlatformInbox inbox = new PlatformInbox(warehouse, properties, valueRules, limits, quarantine.quarantineDir());
            PlatformInbox.Outcome o = inbox.loadAll(context.getStepContext().getStepExecution().getJobExecutionId(),
                    validation.explanationDir());
            WarehouseTasklet.refusedFiles(contribution.getStepExecution(), o.refusedFileIds());
            contribution.getStepExecution().setReadCount(o.rowsRead());
            contribution.incrementWriteCount(o.rowsLoaded());
            contribution.getStepExecution().getExecutionContext().putString(WarehouseTasklet.SUMMARY_KEY, String.join("\n", o.lines()));
            return RepeatStatus.FINISHED;
        }, tx).build();
    }

    @Bean
    public Step platformDerive(JobRepository jobRepository, PlatformTransactionManager tx, Warehouse warehouse,
                               ValueRules valueRules) {
        DerivedIndicators derived = new DerivedIndicators(valueRules);
        return new StepBuilder("platformDerive", jobRepository).tasklet(new WarehouseTasklet(warehouse) {
            @Override
            protected List<String> work(Connection c, StepContribution contribution, ChunkContext context) throws Exception {
                return derived.derive(c, jobExecutionId(context));
            }
        }, tx).build();
    }
}
