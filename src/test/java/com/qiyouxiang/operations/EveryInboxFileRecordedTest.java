package com.qiyouxiang.operations;

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
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.qiyouxiang.WarehouseJobTest;
import com.qiyouxiang.warehouse.Warehouse;

/**
 * The fast check of "every file accounted" (the nightly one is NightlyOutcomesIT): an inbox of one good
 * spreadsheet and the files bureaus send by mistake, through the three ingests (spreadsheets, platform
 * exports, 情况说明); every file is in etl_file with its Chinese reason, and each job ends with warnings
 * (exit code 4), also when it sees the refused files again on the next run.
 */
class EveryInboxFileRecordedTest extends WarehouseJobTest {

    static Path inbox;

    @DynamicPropertySource
    static void inbox(DynamicPropertyRegistry registry) throws Exception {
        inbox = Files.createTempDirectory("qyx-inbox-");
        Path good = inbox.resolve("残联2026年第三季度指标报送.xlsx");
        Files.copy(Path.of("samples/inbox/残联2026年第三季度指标报送.xlsx"), good);
        MistakenFiles.drop(inbox, good);
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

    @Autowired
    @Qualifier("platformJob")
    Job platformJob;

    @Autowired
    @Qualifier("reviewJob")
    Job reviewJob;

    @Autowired
    Warehouse warehouse;

    /** The exit code of a completed launch (not a JobExecution: @SpringBatchTest would take it for a factory). */
    String run(Job job) throws Exception {
        jobs.setJob(job);
        JobExecution e = jobs.startJob(new JobParametersBuilder().addLong("run", System.nanoTime()).addString("period", "2026Q3")
                .toJobParameters());
        assertThat(e.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        return e.getExitStatus().getExitCode();
    }

    @Test
    void everyFileIsRecordedWithItsChineseReasonAndEveryRunThatSeesThemWarns() throws Exception {
        run(referenceJob);
        for (int night = 1; night <= 2; night++) {
            for (Job job : List.of(ingestJob, platformJob, reviewJob)) {
                assertThat(run(job)).as(job.getName() + " night " + night)
                        .isEqualTo("COMPLETED_WITH_WARNINGS");
            }
        }
        JdbcTemplate jdbc = warehouse.jdbc();
        for (Map.Entry<String, String> file : MistakenFiles.REASONS.entrySet()) {
            assertThat(jdbc.queryForList("SELECT message FROM etl_file WHERE file_name = ?", String.class, file.getKey()))
                    .as(file.getKey()).singleElement().asString().contains(file.getValue());
            assertThat(jdbc.queryForObject("SELECT count(*) FROM etl_reject WHERE file_name = ?", Long.class, file.getKey()))
                    .as("one file-level reject for " + file.getKey()).isEqualTo(1);
        }
        assertThat(jdbc.queryForObject("SELECT status FROM etl_file WHERE file_name = '残联2026年第三季度指标报送.xlsx'", String.class))
                .startsWith("loaded");
        assertThat(jdbc.queryForList("SELECT DISTINCT file_name FROM etl_file WHERE source_kind <> 'reference'", String.class))
                .containsExactlyInAnyOrderElementsOf(names(inbox));
        assertThat(jdbc.queryForList("SELECT bureau_code FROM etl_file WHERE file_name LIKE '建设局%' ORDER BY 1", String.class))
                .containsExactly("JS", "JS");
        try (Stream<Path> feedback = Files.walk(feedbackDir)) {
            assertThat(feedback.map(p -> p.getFileName().toString())).contains("民政局2026年第三季度工作总结_退回重报.xlsx");
        }
    }

    static List<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).toList();
        }
    }
}
