package com.qiyouxiang.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;

import com.qiyouxiang.WarehouseJobTest;
import com.qiyouxiang.warehouse.Warehouse;

/**
 * reviewJob through Spring Batch: the ValueRules bean is the catalogue, explanation files in a folder
 * are loaded (and skipped the second time), and missing figures are recorded for a period.
 */
class ReviewJobTest extends WarehouseJobTest {

    @Autowired
    JobOperatorTestUtils jobs;

    @Autowired
    @Qualifier("referenceJob")
    Job referenceJob;

    @Autowired
    @Qualifier("reviewJob")
    Job reviewJob;

    @Autowired
    Warehouse warehouse;

    @Autowired
    ValueRules valueRules;

    @Value("${qyx.work-dir}")
    Path work;

    @Test
    void loadsExplanationFilesAndRecordsMissingFigures() throws Exception {
        assertThat(valueRules).isInstanceOf(CatalogueValueRules.class);
        jobs.setJob(referenceJob);
        assertThat(jobs.startJob(new JobParametersBuilder().addLong("run", System.nanoTime()).toJobParameters())
                .getStatus()).isEqualTo(BatchStatus.COMPLETED);

        Path dir = Files.createDirectories(work.resolve("inbox-review/情况说明"));
        Files.writeString(dir.resolve("情况说明_残联_2024.csv"), "规则编号,指标,镇街,期别,情况说明,填报人\n"
                + "R-CHANGE-YOY,H21,全市,2024,新建残疾人之家三家,钱七\n,H21,全市,2024年6月,说明,钱七\n");
        jobs.setJob(reviewJob);
        JobExecution run = jobs.startJob(new JobParametersBuilder().addLong("run", System.nanoTime())
                .addString("explanationDir", dir.toString()).addString("period", "2024Q2").addString("bureau", "CL")
                .toJobParameters());
        assertThat(run.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        JdbcTemplate jdbc = warehouse.jdbc();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM etl_explanation WHERE indicator_code = 'H21' AND town_code = '330681'",
                Integer.class)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT rows_rejected FROM etl_file WHERE source_kind = 'explanation'", Integer.class))
                .isEqualTo(1);
        // 残联 owes 残疾人之家覆盖率 (H21, city) and any task indicators it reports quarterly, for 2024Q2
        assertThat(jdbc.queryForList("""
                SELECT DISTINCT indicator_code FROM fct_rule_result
                WHERE rule_id = 'R-MISSING' AND bureau_code = 'CL' AND period_code = '2024Q2' AND job_execution_id = ?""",
                String.class, run.getId())).contains("H21");

        JobExecution again = jobs.startJob(new JobParametersBuilder().addLong("run", System.nanoTime())
                .addString("explanationDir", dir.toString()).toJobParameters());
        assertThat(again.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM etl_explanation", Integer.class)).isEqualTo(1);
        // the same period checked again replaces the 催报 list; without a period, the last quarter that ended
        int before = jdbc.queryForObject("SELECT count(*) FROM fct_rule_result WHERE period_code = '2024Q2'", Integer.class);
        jobs.startJob(new JobParametersBuilder().addLong("run", System.nanoTime()).addString("explanationDir", dir.toString())
                .addString("period", "2024Q2").addString("bureau", "CL").toJobParameters());
        assertThat(jdbc.queryForObject("SELECT count(*) FROM fct_rule_result WHERE period_code = '2024Q2'", Integer.class))
                .isEqualTo(before);
        // (method v2 §2: the list as of that quarter, its quarterly figures and the annual year owed by then)
        String lastEnded = ReviewJobConfig.lastEndedQuarter(java.time.LocalDate.now());
        int year = Integer.parseInt(lastEnded.substring(0, 4));
        String annual = String.valueOf(lastEnded.endsWith("Q1") ? year - 2 : year - 1);
        assertThat(jdbc.queryForList("SELECT DISTINCT period_code FROM fct_rule_result WHERE outcome = 'missing' AND job_execution_id = ? ORDER BY 1",
                String.class, again.getId())).containsExactly(annual, lastEnded);
        assertThat(ReviewJobConfig.lastEndedQuarter(java.time.LocalDate.of(2024, 7, 1))).isEqualTo("2024Q2");
        assertThat(ReviewJobConfig.lastEndedQuarter(java.time.LocalDate.of(2024, 3, 31))).isEqualTo("2023Q4");
    }
}
