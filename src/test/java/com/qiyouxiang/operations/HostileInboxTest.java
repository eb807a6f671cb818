package com.qiyouxiang.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

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
 * The hostile corpus ({@link HostileFiles}) through the three ingests, in this JVM: no step fails, every file is in
 * etl_file with the outcome it must have, and a file over its budget costs nothing (the row numbered 2,000,000,000
 * is refused at that row: no row of it is counted). The nightly run on the samples plus this corpus, in a child
 * JVM with its heap measured, is HostileCorpusIT.
 */
class HostileInboxTest extends WarehouseJobTest {

    static Path inbox;

    @DynamicPropertySource
    static void inbox(DynamicPropertyRegistry registry) throws Exception {
        inbox = Files.createTempDirectory("qyx-hostile-");
        Path good = inbox.resolve("残联2026年第三季度指标报送.xlsx");
        Files.copy(Path.of("samples/inbox/残联2026年第三季度指标报送.xlsx"), good);
        HostileFiles.drop(inbox, good);
        registry.add("qyx.inbox-dir", inbox::toString);
        // the bomb's 1.1 million rows end at row 100,001 here (at the default, 1,048,577: HostileCorpusIT)
        registry.add("qyx.file-limits.max-rows", () -> "100000");
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

    String run(Job job) throws Exception {
        jobs.setJob(job);
        JobExecution e = jobs.startJob(new JobParametersBuilder().addLong("run", System.nanoTime()).addString("period", "2026Q3")
                .toJobParameters());
        assertThat(e.getStatus()).as(job.getName() + ": " + e.getAllFailureExceptions()).isEqualTo(BatchStatus.COMPLETED);
        return e.getExitStatus().getExitCode();
    }

    @Test
    void everyHostileFileEndsAsItMustAndNoStepFails() throws Exception {
        run(referenceJob);
        for (int night = 1; night <= 2; night++) {
            for (Job job : List.of(ingestJob, platformJob, reviewJob)) {
                assertThat(run(job)).as(job.getName() + " night " + night).isEqualTo("COMPLETED_WITH_WARNINGS");
            }
        }
        JdbcTemplate jdbc = warehouse.jdbc();
        for (Map.Entry<String, String> file : HostileFiles.EXPECTED.entrySet()) {
            String name = Path.of(file.getKey()).getFileName().toString();
            List<Map<String, Object>> rows = jdbc.queryForList(
                    "SELECT status, message, rows_read FROM etl_file WHERE file_name = ? AND status <> 'processing'", name);
            System.out.println("HostileInboxTest: " + name + " -> " + rows);
            assertThat(rows).as(name).isNotEmpty();
            if (!file.getValue().equals(HostileFiles.ACCOUNTED)) {
                String[] expected = file.getValue().split("\\|", 2);
                assertThat(rows).as(name).allSatisfy(r -> {
                    assertThat(r.get("status")).isEqualTo(expected[0]);
                    assertThat((String) r.get("message")).contains(expected[1]);
                });
            }
        }
        assertThat(jdbc.queryForObject("SELECT rows_read FROM etl_file WHERE file_name = ?", Long.class, HostileFiles.HUGE_ROW))
                .isZero();
        assertThat(jdbc.queryForObject("SELECT message FROM etl_file WHERE file_name = ?", String.class, HostileFiles.BOMB))
                .contains("第 100,001 行");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM etl_file WHERE status = 'processing'", Long.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT status FROM etl_file WHERE file_name = '残联2026年第三季度指标报送.xlsx'", String.class))
                .startsWith("loaded");
    }
}
