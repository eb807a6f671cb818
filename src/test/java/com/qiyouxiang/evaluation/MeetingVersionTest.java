package com.qiyouxiang.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;

import com.qiyouxiang.WarehouseJobTest;
import com.qiyouxiang.warehouse.FactWriter;
import com.qiyouxiang.warehouse.Observation;
import com.qiyouxiang.warehouse.Warehouse;

/**
 * As the meeting saw it, and as revised (docs/evaluation-method.md §8), on a real warehouse: the quarterly
 * run freezes a closed quarter as the meeting's version, later runs keep it byte-identical, a revision shows
 * in the current marts (what changed and which revision and file changed it) and in the next report's
 * 修订后变化 section, an explicit rerun makes a new version and keeps the old; evaluated_at is kept on rows
 * whose content did not change.
 */
class MeetingVersionTest extends WarehouseJobTest {

    @Autowired
    JobOperatorTestUtils jobs;

    @Autowired
    @Qualifier("referenceJob")
    Job referenceJob;

    @Autowired
    @Qualifier("evaluationJob")
    Job evaluationJob;

    @Autowired
    @Qualifier("quarterlyJob")
    Job quarterlyJob;

    @Autowired
    Warehouse warehouse;

    /** (void: Spring Batch's test listeners take a test method returning JobExecution for a factory) */
    void run(Job job, String... parameters) throws Exception {
        jobs.setJob(job);
        JobParametersBuilder b = new JobParametersBuilder().addLong("run", System.nanoTime());
        for (int i = 0; i < parameters.length; i += 2) {
            b.addString(parameters[i], parameters[i + 1]);
        }
        JobExecution e = jobs.startJob(b.toJobParameters());
        assertThat(e.getStatus()).as(e.getAllFailureExceptions().toString()).isEqualTo(BatchStatus.COMPLETED);
    }

    List<String> frozen(JdbcTemplate jdbc, String quarter, int version) {
        return jdbc.queryForList("""
                SELECT mart || ' ' || row_key || ' ' || CAST(row_json AS VARCHAR) FROM mart_meeting_row
                WHERE quarter_code = ? AND version_no = ? ORDER BY mart, row_key""", String.class, quarter, version);
    }

    @Test
    void theMeetingsVersionStaysAsItWasAndRevisionsShowBesideIt() throws Exception {
        run(referenceJob);
        JdbcTemplate jdbc = warehouse.jdbc();
        try (Connection c = warehouse.connect()) {
            // H03 2026: E = 95 every quarter; 96 -> green
            FactWriter.write(c, List.of(Observation.of("H03", "330681", "2026Q2", 96.0)
                    .withSource(Observation.Source.cell("分镇街", 29L, "分镇街!F29"))), "spreadsheet", "WJ", null, "卫健局2026Q2.xlsx", null);
        }
        // the first quarterly run after 2026Q2 closed freezes version 1
        run(quarterlyJob, "quarter", "2026Q2", "today", "2026-07-20");
        assertThat(jdbc.queryForList("SELECT version_no FROM mart_meeting_version WHERE quarter_code = '2026Q2'", Integer.class))
                .containsExactly(1);
        List<String> v1 = frozen(jdbc, "2026Q2", 1);
        assertThat(v1).anyMatch(r -> r.startsWith("mart_indicator_quarter H03 ") && r.contains("\"light\":\"green\""))
                .anyMatch(r -> r.startsWith("mart_overall_quarter 2026Q2 ")).anyMatch(r -> r.startsWith("mart_domain_quarter "));
        // a later run keeps it
        run(quarterlyJob, "quarter", "2026Q2", "today", "2026-07-21");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM mart_meeting_version WHERE quarter_code = '2026Q2'", Integer.class)).isEqualTo(1);

        // the bureau corrects the figure: 80 (revision 2, another file) -> red (δ = -0.158)
        try (Connection c = warehouse.connect()) {
            FactWriter.write(c, List.of(Observation.of("H03", "330681", "2026Q2", 80.0)
                    .withSource(Observation.Source.cell("分镇街", 29L, "分镇街!F29"))), "spreadsheet", "WJ", null, "卫健局2026Q2（更正）.xlsx", null);
        }
        Map<String, Object> before = jdbc.queryForMap(
                "SELECT indicator_code, evaluated_at FROM mart_indicator_quarter WHERE quarter_code = '2026Q2' AND indicator_code = 'H01'");
        run(evaluationJob, "from", "2026Q2", "quarter", "2026Q3", "today", "2026-12-01");
        // the meeting's version is byte-identical; the current row says what changed and why
        assertThat(frozen(jdbc, "2026Q2", 1)).isEqualTo(v1);
        Map<String, Object> h03 = jdbc.queryForMap("SELECT * FROM mart_indicator_quarter WHERE quarter_code = '2026Q2' AND indicator_code = 'H03'");
        assertThat(h03).containsEntry("light", "red").containsEntry("meeting_light", "green").containsEntry("differs_from_meeting", true)
                .containsEntry("meeting_version", 1).containsEntry("fact_revision", 2).containsEntry("meeting_fact_revision", 1)
                .containsEntry("fact_file", "卫健局2026Q2（更正）.xlsx").containsEntry("fact_location", "分镇街!F29");
        assertThat((String) h03.get("change_zh")).contains("亮灯 绿灯→红灯", "数值 96.0→80.0", "数据第 2 版（卫健局2026Q2（更正）.xlsx 分镇街!F29）",
                "会议时为第 1 版");
        // an unchanged row keeps its evaluated_at
        assertThat(jdbc.queryForMap("SELECT indicator_code, evaluated_at FROM mart_indicator_quarter WHERE quarter_code = '2026Q2' "
                + "AND indicator_code = 'H01'")).isEqualTo(before);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM mart_indicator_quarter WHERE quarter_code = '2026Q2' AND differs_from_meeting",
                Integer.class)).isEqualTo(1);

        // the next meeting's report says 修订后变化
        run(quarterlyJob, "quarter", "2026Q3", "today", "2026-12-01");
        Path workbook = outputDir.resolve("reports/七优享季度调度报告-2026Q3.xlsx");
        try (InputStream in = Files.newInputStream(workbook); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            Sheet changes = wb.getSheet("修订后变化");
            assertThat(changes).isNotNull();
            StringBuilder text = new StringBuilder();
            changes.forEach(row -> row.forEach(cell -> text.append(cell.toString()).append('|')));
            assertThat(text).contains("2026年第二季度|0-3岁儿童发育监测筛查率|卫生健康局|第1版|绿灯|红灯|", "亮灯 绿灯→红灯");
        }
        assertThat(Files.readString(outputDir.resolve("reports/七优享季度调度报告-2026Q3.html"), StandardCharsets.UTF_8))
                .contains("<h2>修订后变化</h2>", "第1版", "亮灯 绿灯→红灯");

        // a re-convened meeting: an explicit rerun makes version 2 and keeps version 1
        run(quarterlyJob, "quarter", "2026Q2", "today", "2026-12-02", "rerun", "true");
        assertThat(jdbc.queryForList("SELECT version_no FROM mart_meeting_version WHERE quarter_code = '2026Q2' ORDER BY 1", Integer.class))
                .containsExactly(1, 2);
        assertThat(frozen(jdbc, "2026Q2", 1)).isEqualTo(v1);
        assertThat(frozen(jdbc, "2026Q2", 2)).anyMatch(r -> r.startsWith("mart_indicator_quarter H03 ") && r.contains("\"light\":\"red\""));
        assertThat(jdbc.queryForMap("SELECT * FROM mart_indicator_quarter WHERE quarter_code = '2026Q2' AND indicator_code = 'H03'"))
                .containsEntry("meeting_version", 2).containsEntry("differs_from_meeting", false).containsEntry("change_zh", null);
        // a quarter under way is never frozen
        run(quarterlyJob, "quarter", "2026Q4", "today", "2026-12-02");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM mart_meeting_version WHERE quarter_code = '2026Q4'", Integer.class)).isZero();
    }
}
