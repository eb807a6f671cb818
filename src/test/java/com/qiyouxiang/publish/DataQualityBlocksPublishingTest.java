package com.qiyouxiang.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

import com.qiyouxiang.WarehouseJobTest;
import com.qiyouxiang.batch.WarehouseTasklet;
import com.qiyouxiang.warehouse.Warehouse;

/** An error-severity data-quality failure stops publishJob before anything is published; the results are kept. */
class DataQualityBlocksPublishingTest extends WarehouseJobTest {

    @Autowired
    JobOperatorTestUtils jobs;

    @Autowired
    @Qualifier("referenceJob")
    Job referenceJob;

    @Autowired
    @Qualifier("evaluationJob")
    Job evaluationJob;

    @Autowired
    @Qualifier("publishJob")
    Job publishJob;

    @Autowired
    Warehouse warehouse;

    // (a test method returning JobExecution would be taken by spring-batch-test for its step-scope factory)
    BatchStatus launch(Job job) throws Exception {
        jobs.setJob(job);
        last = jobs.startJob(new JobParametersBuilder().addString("quarter", "2026Q3").addLong("run", System.nanoTime())
                .toJobParameters());
        return last.getStatus();
    }

    JobExecution last;

    @Test
    void aDuplicateCurrentFactFailsTheRunBeforePublishing() throws Exception {
        assertThat(launch(referenceJob)).isEqualTo(BatchStatus.COMPLETED);
        assertThat(launch(evaluationJob)).isEqualTo(BatchStatus.COMPLETED);
        // two current revisions of one key: what the revision merge must never leave behind
        warehouse.jdbc().execute("""
                INSERT INTO fct_indicator_value (indicator_code, town_code, period_code, value, source_kind, revision, is_current)
                VALUES ('H02', '330681', '2026Q3', 68, 'spreadsheet', 1, true), ('H02', '330681', '2026Q3', 69, 'spreadsheet', 2, true)""");

        launch(publishJob);
        JobExecution run = last;

        assertThat(run.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(run.getStepExecutions()).extracting(StepExecution::getStepName).containsExactly("dataQualityChecks");
        StepExecution checks = run.getStepExecutions().iterator().next();
        assertThat(checks.getExecutionContext().getString(WarehouseTasklet.SUMMARY_KEY))
                .contains("FAIL unique_current_fact_key", "1 rows (error)");
        assertThat(outputDir.resolve("qiyouxiang_marts.duckdb")).doesNotExist();
        assertThat(outputDir.resolve("marts")).doesNotExist();
        Map<String, Object> stored = warehouse.jdbc().queryForMap(
                "SELECT * FROM dq_check_result WHERE job_execution_id = ? AND check_name = 'unique_current_fact_key'", run.getId());
        assertThat(stored).containsEntry("status", "fail").containsEntry("severity", "error").containsEntry("failed_rows", 1L);
    }
}
