package com.qiyouxiang.intake.spreadsheet;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.qiyouxiang.WarehouseJobTest;
import com.qiyouxiang.batch.WarehouseTasklet;
import com.qiyouxiang.warehouse.FaultInjection;

/**
 * Issue 14, item 5: a feedback workbook that cannot be written (a full disk, simulated by qyx.fault.io-error) is a
 * warning of the run with its cause, leaves no partial file, keeps the file in the inbox, and the next run writes it
 * from the warehouse's state of that file.
 */
class FeedbackRetryTest extends WarehouseJobTest {

    static final String WORKBOOK = "残联2024年第四季度指标报送.xlsx";
    static Path inbox;

    @DynamicPropertySource
    static void inbox(DynamicPropertyRegistry registry) throws Exception {
        inbox = Files.createTempDirectory("qyx-feedback-retry-");
        Files.copy(Path.of("samples/inbox", WORKBOOK), inbox.resolve(WORKBOOK));
        registry.add("qyx.inbox-dir", inbox::toString);
    }

    @Autowired
    JobOperatorTestUtils jobs;

    @Autowired
    @Qualifier("referenceJob")
    Job referenceJob;

    @Autowired
    @Qualifier("ingestJob")
    Job ingestJob;

    JobExecution last;

    BatchStatus launch(Job job) throws Exception {
        jobs.setJob(job);
        last = jobs.startJob(new JobParametersBuilder().addLong("run", System.nanoTime()).toJobParameters());
        return last.getStatus();
    }

    List<String> feedbackFiles() throws Exception {
        if (!Files.isDirectory(feedbackDir)) {
            return List.of();
        }
        try (Stream<Path> all = Files.walk(feedbackDir)) {
            return all.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).toList();
        }
    }

    @Test
    void anUnwrittenFeedbackWorkbookIsAWarningAndTheNextRunWritesIt() throws Exception {
        assertThat(launch(referenceJob)).isEqualTo(BatchStatus.COMPLETED);
        System.setProperty(FaultInjection.IO_ERROR_PROPERTY, "feedback:" + WORKBOOK);
        try {
            assertThat(launch(ingestJob)).isEqualTo(BatchStatus.COMPLETED);
        } finally {
            System.clearProperty(FaultInjection.IO_ERROR_PROPERTY);
        }
        StepExecution step = last.getStepExecutions().iterator().next();
        assertThat(step.getExitStatus().getExitCode()).isEqualTo(WarehouseTasklet.WARNINGS);
        assertThat(step.getExitStatus().getExitDescription()).contains("1 feedback workbook(s) not written", WORKBOOK,
                "No space left on device");
        assertThat(last.getExitStatus().getExitCode()).isEqualTo(WarehouseTasklet.WARNINGS);
        assertThat(feedbackFiles()).isEmpty();
        assertThat(inbox.resolve(WORKBOOK)).exists();

        assertThat(launch(ingestJob)).isEqualTo(BatchStatus.COMPLETED);
        assertThat(feedbackFiles()).containsExactly("残联2024年第四季度指标报送_退回修改.xlsx");
        assertThat(last.getStepExecutions().iterator().next().getExitStatus().getExitCode()).isNotEqualTo("FAILED");
    }
}
