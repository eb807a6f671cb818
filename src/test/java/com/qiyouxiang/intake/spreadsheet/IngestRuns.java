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

    /** How a test launches a job with given parameters. */
    interface Launcher {
        JobExecution launch(org.springframework.batch.core.job.parameters.JobParameters params) throws Exception;
    }

    /** A launcher that launches the job as jobs/run does (a failed run with the same parameters is restarted). */
    static Launcher asJobsRunDoes(com.qiyouxiang.operations.JobLaunchRunner runner, Job job) {
        return params -> runner.launch(job, params);
    }

    static JobExecution launch(Launcher launcher, org.springframework.batch.core.job.parameters.JobParameters params,
                               BatchStatus expected) throws Exception {
        JobExecution e = launcher.launch(params);
        assertThat(e.getStatus()).isEqualTo(expected);
        return e;
    }

    static String summary(JobExecution e) {
        return e.getStepExecutions().iterator().next().getExecutionContext().getString(WarehouseTasklet.SUMMARY_KEY);
    }
}
