package com.qiyouxiang.intake.spreadsheet;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.test.JobOperatorTestUtils;

import com.qiyouxiang.batch.WarehouseTasklet;

/**
 * Launches for the ingest tests. Kept out of the test classes: @SpringBatchTest treats a test
 * class's methods returning JobExecution as factories of a step-scope execution.
 */
final class IngestRuns {

    private IngestRuns() {
    }

    static JobExecution reference(JobOperatorTestUtils jobs, Job referenceJob) throws Exception {
        jobs.setJob(referenceJob);
        JobExecution e = jobs.startJob(new JobParametersBuilder().addLong("run", System.nanoTime()).toJobParameters());
        assertThat(e.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        return e;
    }

    static JobExecution ingest(JobOperatorTestUtils jobs, Job ingestJob, Path inbox) throws Exception {
        jobs.setJob(ingestJob);
        JobExecution e = jobs.startJob(new JobParametersBuilder().addLong("run", System.nanoTime())
                .addString("inboxDir", inbox.toString()).toJobParameters());
        assertThat(e.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        return e;
    }

    static String summary(JobExecution e) {
        return e.getStepExecutions().iterator().next().getExecutionContext().getString(WarehouseTasklet.SUMMARY_KEY);
    }
}
