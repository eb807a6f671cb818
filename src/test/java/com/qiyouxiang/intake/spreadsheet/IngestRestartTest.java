package com.qiyouxiang.intake.spreadsheet;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;

import com.qiyouxiang.WarehouseJobTest;
import com.qiyouxiang.samples.BureauInboxWriter;
import com.qiyouxiang.validation.CatalogueValueRules;
import com.qiyouxiang.validation.Candidate;
import com.qiyouxiang.validation.Finding;
import com.qiyouxiang.validation.ValueRules;
import com.qiyouxiang.warehouse.Warehouse;

/**
 * A crash in the middle of a run, then a restart of the same execution: the files committed before
 * the crash are not loaded twice, the file in progress is loaded once, nothing is lost. The crash is
 * a warehouse error raised while the third file's (残联) figures are checked (the real rules wrapped).
 */
class IngestRestartTest extends WarehouseJobTest {

    @TempDir
    static Path work;

    static volatile boolean crash = true;

    @TestConfiguration
    static class CrashingRules {
        @Bean
        @Primary
        ValueRules crashingRules(CatalogueValueRules rules) {
            return new ValueRules() {
                @Override
                public List<Finding> check(Connection c, List<Candidate> candidates) throws SQLException {
                    if (crash && candidates.stream().anyMatch(cand -> cand.source().fileName().startsWith("残联"))) {
                        throw new SQLException("simulated crash: the warehouse went away");
                    }
                    return rules.check(c, candidates);
                }
            };
        }
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
    Warehouse warehouse;

    @Test
    void aRestartAfterACrashNeitherDuplicatesNorLoses() throws Exception {
        Path all = work.resolve("all");
        BureauInboxWriter.write(all);
        Path inbox = Files.createDirectories(work.resolve("inbox"));
        for (String name : List.of("统计局2023年末分镇街人口.xlsx", "市卫健局2024年第一季度分镇街托育数据.xlsx",
                "民政局2024年第一季度养老护理员分镇街.xlsx", "残联2024年第一季度指标报送.xlsx")) {
            Files.copy(all.resolve(name), inbox.resolve(name));
        }
        IngestRuns.reference(jobs, referenceJob);
        JdbcTemplate jdbc = warehouse.jdbc();

        jobs.setJob(ingestJob);
        JobParameters parameters = new JobParametersBuilder().addLong("run", System.nanoTime())
                .addString("inboxDir", inbox.toString()).toJobParameters();
        JobExecution crashed = jobs.startJob(parameters);
        assertThat(crashed.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(jdbc.queryForList("SELECT file_name FROM etl_file WHERE source_kind = 'spreadsheet' ORDER BY file_id",
                String.class)).as("committed before the crash").containsExactly("统计局2023年末分镇街人口.xlsx",
                "市卫健局2024年第一季度分镇街托育数据.xlsx");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM fct_indicator_value WHERE indicator_code IN ('H13', 'H21')", Integer.class))
                .as("nothing of the file in progress nor of the files after it").isZero();

        crash = false;
        JobExecution restarted = jobs.getJobOperator().restart(crashed);
        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(restarted.getJobInstance().getInstanceId()).isEqualTo(crashed.getJobInstance().getInstanceId());
        assertThat(IngestRuns.summary(restarted)).contains("2 loaded, 2 unchanged since last run, 0 refused");
        assertThat(jdbc.queryForList("SELECT file_name || ' ' || status FROM etl_file WHERE source_kind = 'spreadsheet' ORDER BY file_id",
                String.class)).containsExactly("统计局2023年末分镇街人口.xlsx loaded", "市卫健局2024年第一季度分镇街托育数据.xlsx loaded",
                "残联2024年第一季度指标报送.xlsx loaded", "民政局2024年第一季度养老护理员分镇街.xlsx loaded");
        assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM (SELECT indicator_code, town_code, period_code FROM fct_indicator_value
                                      GROUP BY ALL HAVING count(*) > 1)""", Integer.class)).as("no duplicates").isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM fct_indicator_value", Integer.class))
                .isEqualTo(72 + 72 + 24 + 1);
    }
}
