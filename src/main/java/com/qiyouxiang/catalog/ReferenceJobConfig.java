package com.qiyouxiang.catalog;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Year;
import java.util.List;
import java.util.Map;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import com.qiyouxiang.batch.RunSummaryListener;
import com.qiyouxiang.batch.WarehouseTasklet;
import com.qiyouxiang.warehouse.SqlFiles;
import com.qiyouxiang.warehouse.Warehouse;
import com.qiyouxiang.warehouse.WarehouseProperties;

/**
 * referenceJob: the warehouse's reference data from qyx.reference-dir.
 * <ol>
 * <li>loadReferenceData: dim_bureau (+ aliases), dim_domain, dim_town from CSV, by DuckDB's read_csv;</li>
 * <li>loadIndicatorCatalog: the catalog workbook (the plan's table) and the task indicators into
 * dim_indicator (SCD 2) and fct_indicator_target.</li>
 * </ol>
 * Job parameter {@code effectiveYear} (optional): the first year a changed definition applies to;
 * default the current year.
 */
@Configuration
public class ReferenceJobConfig {

    @Bean
    public Job referenceJob(JobRepository jobRepository, Step loadReferenceData, Step loadIndicatorCatalog,
                            RunSummaryListener runSummary) {
        return new JobBuilder("referenceJob", jobRepository)
                .listener(runSummary)
                .start(loadReferenceData)
                .next(loadIndicatorCatalog)
                .build();
    }

    @Bean
    public Step loadReferenceData(JobRepository jobRepository, PlatformTransactionManager tx, Warehouse warehouse,
                                  WarehouseProperties properties) {
        Path dir = properties.referenceDir();
        return new StepBuilder("loadReferenceData", jobRepository).tasklet(new WarehouseTasklet(warehouse) {
            @Override
            protected List<String> work(Connection c, StepContribution contribution, ChunkContext context) throws Exception {
                Map<String, Object> files = Map.of(
                        "bureaus_csv", dir.resolve("bureaus.csv").toString(),
                        "domains_csv", dir.resolve("domains.csv").toString(),
                        "towns_csv", dir.resolve("towns.csv").toString());
                try (Statement s = c.createStatement()) {
                    s.execute(SqlFiles.read("reference/dim_bureau.sql", files));
                    s.execute(SqlFiles.read("reference/dim_domain.sql", files));
                    s.execute(SqlFiles.read("reference/dim_town.sql", files));
                }
                return List.of(count(c, "dim_bureau") + " bureaus (" + count(c, "dim_bureau_alias") + " names and aliases), "
                        + count(c, "dim_domain") + " domains, " + (count(c, "dim_town") - 1) + " towns + the city");
            }
        }, tx).build();
    }

    @Bean
    public Step loadIndicatorCatalog(JobRepository jobRepository, PlatformTransactionManager tx, Warehouse warehouse,
                                     WarehouseProperties properties, CatalogProperties catalog) {
        CatalogLoader loader = new CatalogLoader(properties.referenceDir(), catalog);
        return new StepBuilder("loadIndicatorCatalog", jobRepository).tasklet(new WarehouseTasklet(warehouse) {
            @Override
            protected List<String> work(Connection c, StepContribution contribution, ChunkContext context) throws Exception {
                Object year = context.getStepContext().getJobParameters().get("effectiveYear");
                int effectiveYear = year == null ? Year.now().getValue() : Integer.parseInt(year.toString());
                CatalogLoader.Outcome o = loader.load(c, effectiveYear, jobExecutionId(context));
                contribution.getStepExecution().setReadCount(o.counts().rowsRead());
                contribution.incrementWriteCount(o.counts().rowsLoaded());
                List<String> lines = new java.util.ArrayList<>();
                lines.add(o.headline() + " headline + " + o.task() + " task + " + o.context() + " context indicators, "
                        + o.targets() + " yearly targets");
                lines.add("catalog workbook: " + o.counts() + (o.newFile() ? "" : " (unchanged since last load)"));
                o.rejects().forEach(r -> lines.add("rejected " + (r.cellRef() == null ? r.sheetName() + " row " + r.rowNumber() : r.cellRef())
                        + " [" + r.reasonCode() + "] " + r.messageZh()));
                return lines;
            }
        }, tx).build();
    }

    private static long count(Connection c, String table) throws Exception {
        try (Statement s = c.createStatement(); var rs = s.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
