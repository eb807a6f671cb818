package com.qiyouxiang.publish;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.List;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import com.qiyouxiang.batch.WarehouseTasklet;
import com.qiyouxiang.evaluation.Quarter;
import com.qiyouxiang.warehouse.FaultInjection;
import com.qiyouxiang.warehouse.Warehouse;

/**
 * publishJob: the end of the nightly and quarterly runs.
 * <ol>
 * <li>dataQualityChecks (from evaluationJob's configuration): an error-severity failure stops the run
 * before anything is published;</li>
 * <li>publishMarts: every mart as Parquet and CSV, the read-only BI marts file (atomic replace), the data dictionary;</li>
 * <li>writeQuarterlyReport: the quarter's report as an xlsx workbook and a self-contained HTML page.</li>
 * </ol>
 * Job parameter {@code quarter} (e.g. 2026Q3), default the last closed quarter: the quarter of the report.
 */
@Configuration
public class PublishJobConfig {

    @Bean
    public Job publishJob(JobRepository jobRepository, Step dataQualityChecks, Step publishMarts, Step writeQuarterlyReport) {
        return new JobBuilder("publishJob", jobRepository)
                .start(dataQualityChecks)
                .next(publishMarts)
                .next(writeQuarterlyReport)
                .build();
    }

    @Bean
    public Step publishMarts(JobRepository jobRepository, PlatformTransactionManager tx, Warehouse warehouse,
                             PublishProperties properties) {
        MartsPublisher publisher = new MartsPublisher(properties);
        Tasklet tasklet = (StepContribution contribution, ChunkContext context) -> {
            MartsPublisher.Outcome o;
            try (Connection c = warehouse.connect()) {
                o = publisher.publish(c);
            }
            FaultInjection.beforeCommit("publishMarts");
            contribution.incrementWriteCount(o.csvRows());
            summary(contribution, List.of(
                    o.marts().size() + " marts as Parquet and CSV (" + o.csvRows() + " rows) under "
                            + properties.outputDir().resolve("marts"),
                    "BI marts file (storage " + properties.publish().storageCompatibilityVersion() + "): " + o.martsFile(),
                    "data dictionary: " + properties.outputDir().resolve("数据字典.md") + " and .xlsx"));
            return RepeatStatus.FINISHED;
        };
        return new StepBuilder("publishMarts", jobRepository).tasklet(tasklet, tx).build();
    }

    @Bean
    public Step writeQuarterlyReport(JobRepository jobRepository, PlatformTransactionManager tx, Warehouse warehouse,
                                     PublishProperties properties) {
        Tasklet tasklet = (StepContribution contribution, ChunkContext context) -> {
            Quarter quarter = Quarter.fromJobParameters(context, LocalDate.now());
            ReportData data;
            try (Connection c = warehouse.connect()) {
                data = ReportData.load(c, quarter.code());
            }
            Path dir = Files.createDirectories(properties.outputDir().resolve("reports"));
            MartsPublisher.removeTemporaryFiles(dir);   // what a killed report left
            Path xlsx = dir.resolve(reportName(quarter) + ".xlsx");
            Path html = dir.resolve(reportName(quarter) + ".html");
            Path xlsxTmp = MartsPublisher.temporary(xlsx);
            QuarterlyReportWorkbook.write(data, xlsxTmp);
            MartsPublisher.move(xlsxTmp, xlsx);
            Path htmlTmp = MartsPublisher.temporary(html);
            QuarterlyReportHtml.write(data, htmlTmp);
            MartsPublisher.move(htmlTmp, html);
            int indicators = data.rows("指标调度表").size();
            summary(contribution, List.of(quarter + " report: " + indicators + " indicators, "
                            + data.rows("问题整改清单").size() + " issues, " + data.rows("数据完整性").size() + " missing figures",
                    "workbook: " + xlsx, "page: " + html));
            return RepeatStatus.FINISHED;
        };
        return new StepBuilder("writeQuarterlyReport", jobRepository).tasklet(tasklet, tx).build();
    }

    /** The report's file name without extension, e.g. 七优享季度调度报告-2026Q3. */
    public static String reportName(Quarter quarter) {
        return "七优享季度调度报告-" + quarter.code();
    }

    private static void summary(StepContribution contribution, List<String> lines) {
        contribution.getStepExecution().getExecutionContext().putString(WarehouseTasklet.SUMMARY_KEY, String.join("\n", lines));
    }
}
