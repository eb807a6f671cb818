package com.qiyouxiang.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.qiyouxiang.WarehouseJobTest;
import com.qiyouxiang.operations.JobLaunchRunner;
import com.qiyouxiang.samples.CatalogWorkbookWriter;
import com.qiyouxiang.samples.CatalogWorkbookWriter.Variant;
import com.qiyouxiang.warehouse.Warehouse;

/**
 * referenceJob against a reference folder of its own: a run failing in step 2 resumes at step 2 when
 * launched again with the same parameters; a changed definition keeps the old row for its years (SCD 2).
 */
class ReferenceJobRestartAndHistoryTest extends WarehouseJobTest {

    static final Path REFERENCE;

    static {
        try {
            REFERENCE = Files.createTempDirectory("qyx-reference-");
            try (Stream<Path> files = Files.list(Path.of("samples/reference"))) {
                for (Path f : files.toList()) {
                    Files.copy(f, REFERENCE.resolve(f.getFileName()));
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void referenceDir(DynamicPropertyRegistry registry) {
        registry.add("qyx.reference-dir", REFERENCE::toString);
    }

    @Autowired
    JobOperator jobOperator;

    @Autowired
    JobRepository jobRepository;

    @Autowired
    @Qualifier("referenceJob")
    Job referenceJob;

    @Autowired
    Warehouse warehouse;

    @Test
    void aRunFailingInStepTwoResumesAtStepTwo() throws Exception {
        Path workbook = REFERENCE.resolve("七优享指标目录.xlsx");
        Files.writeString(workbook, "not a workbook");
        JobLaunchRunner runner = new JobLaunchRunner(jobOperator, jobRepository, List.of(referenceJob), null, null);
        JobParameters params = new JobParametersBuilder().addString("effectiveYear", "2023").toJobParameters();

        JobExecution failed = runner.launch(referenceJob, params);
        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(failed.getStepExecutions()).extracting(StepExecution::getStepName, StepExecution::getStatus)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("loadReferenceData", BatchStatus.COMPLETED),
                        org.assertj.core.groups.Tuple.tuple("loadIndicatorCatalog", BatchStatus.FAILED));

        CatalogWorkbookWriter.write(workbook, Variant.TYPED_XLSX);
        JobExecution resumed = runner.launch(referenceJob, params);

        assertThat(resumed.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(resumed.getJobInstance().getId()).isEqualTo(failed.getJobInstance().getId());
        assertThat(resumed.getStepExecutions()).extracting(StepExecution::getStepName).containsExactly("loadIndicatorCatalog");
        assertThat(warehouse.jdbc().queryForObject("SELECT count(*) FROM dim_indicator WHERE kind = 'headline' AND is_current", Integer.class))
                .isEqualTo(21);

        // a third launch with the same parameters is a new run (the last one completed), not a restart
        JobExecution next = runner.launch(referenceJob, params);
        assertThat(next.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(next.getJobInstance().getId()).isNotEqualTo(failed.getJobInstance().getId());
        assertThat(next.getStepExecutions()).hasSize(2);
    }

    @Test
    void aChangedDefinitionKeepsTheOldRowValidForItsYears() throws Exception {
        Path workbook = REFERENCE.resolve("七优享指标目录.xlsx");
        JobLaunchRunner runner = new JobLaunchRunner(jobOperator, jobRepository, List.of(referenceJob), null, null);
        CatalogWorkbookWriter.write(workbook, Variant.TYPED_XLSX);
        assertThat(runner.launch(referenceJob, new JobParameters()).getStatus()).isEqualTo(BatchStatus.COMPLETED);

        // from 2025 普惠托位占比 moves to 教体局 under a new name
        CatalogWorkbookWriter.write(workbook, Variant.TYPED_XLSX, CatalogWorkbookWriter.PLAN_TABLE
                .replace("普惠托位占比(%)\t60\t63\t65\t68\t70\t72\t卫生健康局", "普惠性托位占比(%)\t60\t63\t65\t68\t70\t72\t教育体育局"));
        JobExecution changed = runner.launch(referenceJob, new JobParametersBuilder().addString("effectiveYear", "2025").toJobParameters());
        assertThat(changed.getStatus()).isEqualTo(BatchStatus.COMPLETED);

        JdbcTemplate jdbc = warehouse.jdbc();
        List<Map<String, Object>> history = jdbc.queryForList("""
                SELECT indicator_name, bureau_code, valid_from_year, valid_to_year, is_current
                FROM dim_indicator WHERE indicator_code = 'H02' ORDER BY valid_from_year""");
        assertThat(history).hasSize(2);
        assertThat(history.get(0)).containsEntry("indicator_name", "普惠托位占比").containsEntry("bureau_code", "WJ")
                .containsEntry("valid_from_year", 2022).containsEntry("valid_to_year", 2024).containsEntry("is_current", false);
        assertThat(history.get(1)).containsEntry("indicator_name", "普惠性托位占比").containsEntry("bureau_code", "JT")
                .containsEntry("valid_from_year", 2025).containsEntry("valid_to_year", 9999).containsEntry("is_current", true);
        // the year a fact describes picks its definition
        assertThat(jdbc.queryForObject("SELECT bureau_code FROM dim_indicator WHERE indicator_code = 'H02' AND 2024 BETWEEN valid_from_year AND valid_to_year", String.class)).isEqualTo("WJ");
        assertThat(jdbc.queryForObject("SELECT bureau_code FROM dim_indicator WHERE indicator_code = 'H02' AND 2026 BETWEEN valid_from_year AND valid_to_year", String.class)).isEqualTo("JT");

        // a correction in the same effective year changes that row in place
        CatalogWorkbookWriter.write(workbook, Variant.TYPED_XLSX, CatalogWorkbookWriter.PLAN_TABLE
                .replace("普惠托位占比(%)\t60\t63\t65\t68\t70\t72\t卫生健康局", "普惠性托位数占比(%)\t60\t63\t65\t68\t70\t72\t教育体育局"));
        runner.launch(referenceJob, new JobParametersBuilder().addString("effectiveYear", "2025").toJobParameters());
        assertThat(jdbc.queryForList("SELECT indicator_name FROM dim_indicator WHERE indicator_code = 'H02' ORDER BY valid_from_year", String.class))
                .containsExactly("普惠托位占比", "普惠性托位数占比");

        // back to the plan's catalog (other tests in this class expect it)
        CatalogWorkbookWriter.write(workbook, Variant.TYPED_XLSX);
    }

    @Test
    void aBadCatalogCellIsRejectedWithItsCellReferenceAndTheRestLoads() throws Exception {
        Path workbook = REFERENCE.resolve("七优享指标目录.xlsx");
        JobLaunchRunner runner = new JobLaunchRunner(jobOperator, jobRepository, List.of(referenceJob), null, null);
        CatalogWorkbookWriter.write(workbook, Variant.TYPED_XLSX,
                CatalogWorkbookWriter.PLAN_TABLE.replace("\t84.2\t", "\t约84\t").replace("\t残联", "\t市残疾人协会"));
        JobExecution run = runner.launch(referenceJob, new JobParameters());
        assertThat(run.getStatus()).isEqualTo(BatchStatus.COMPLETED);

        JdbcTemplate jdbc = warehouse.jdbc();
        long fileId = jdbc.queryForObject("SELECT max(file_id) FROM etl_file WHERE source_kind = 'reference'", Long.class);
        assertThat(jdbc.queryForList("SELECT cell_ref || ' ' || reason_code || ' ' || raw_value FROM etl_reject WHERE file_id = ? ORDER BY cell_ref",
                String.class, fileId)).containsExactly("五年目标!F16 CATALOG_BAD_TARGET 约84", "五年目标!J23 UNKNOWN_BUREAU 市残疾人协会");
        Map<String, Object> file = jdbc.queryForMap("SELECT * FROM etl_file WHERE file_id = ?", fileId);
        assertThat(file).containsEntry("status", "loaded_with_rejects").containsEntry("rows_read", 24L)
                .containsEntry("rows_loaded", 19L).containsEntry("rows_rejected", 2L).containsEntry("rows_ignored", 3L);

        CatalogWorkbookWriter.write(workbook, Variant.TYPED_XLSX);
    }
}
