package com.qiyouxiang.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.qiyouxiang.WarehouseJobTest;
import com.qiyouxiang.batch.WarehouseTasklet;
import com.qiyouxiang.warehouse.FiniteNumbers;
import com.qiyouxiang.warehouse.SqlFiles;
import com.qiyouxiang.warehouse.Warehouse;

/**
 * Issue 14, item 2: only finite numbers. A platform value 1e999 (and NaN, Infinity, a 20-digit number) is rejected
 * with its line; NaN and INF in xlsx number cells are rejected at their cells while the rest of the workbook loads;
 * and the error-severity check finite_values fails the run before publishing when a non-finite value reaches a fact.
 */
class FiniteNumbersTest extends WarehouseJobTest {

    static Path inbox;
    static final String WORKBOOK = "残联2026年第三季度指标报送.xlsx";
    static final String EXPORT = "平台_指标数据_2024Q2.csv";

    @DynamicPropertySource
    static void inbox(DynamicPropertyRegistry registry) throws IOException {
        inbox = Files.createTempDirectory("qyx-finite-");
        Files.write(inbox.resolve(EXPORT), List.of(
                "指标编码,行政区划代码,统计期,指标值,计量单位,数据来源部门",
                "H03,330681001000,2024Q2,97.8,%,卫健局",
                "H03,330681002000,2024Q2,1e999,%,卫健局",
                "H03,330681003000,2024Q2,NaN,%,卫健局",
                "H03,330681004000,2024Q2,Infinity,%,卫健局",
                "H03,330681001,2024Q2,-1e999,%,卫健局",
                "H03,330681002,2024Q2,330681199001011234,%,卫健局"), StandardCharsets.UTF_8);
        plantInSheet(Path.of("samples/inbox/" + WORKBOOK), inbox.resolve(WORKBOOK),
                // D4 年度目标 (not read: the file must not fail on it), E4 本期值
                Map.of("<c r=\"D4\" t=\"n\" s=\"0\"><v>94.0</v></c>", "<c r=\"D4\" t=\"n\" s=\"0\"><v>INF</v></c>",
                        "<c r=\"E4\" t=\"n\" s=\"0\"><v>95.1</v></c>", "<c r=\"E4\" t=\"n\" s=\"0\"><v>NaN</v></c>"));
        registry.add("qyx.inbox-dir", inbox::toString);
    }

    /** A copy of the workbook with texts of its first sheet's XML replaced (number cells POI would not write). */
    static void plantInSheet(Path from, Path to, Map<String, String> replacements) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(from));
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(to))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                byte[] bytes = in.readAllBytes();
                if (e.getName().equals("xl/worksheets/sheet1.xml")) {
                    String xml = new String(bytes, StandardCharsets.UTF_8);
                    for (Map.Entry<String, String> r : replacements.entrySet()) {
                        assertThat(xml).contains(r.getKey());
                        xml = xml.replace(r.getKey(), r.getValue());
                    }
                    bytes = xml.getBytes(StandardCharsets.UTF_8);
                }
                out.putNextEntry(new ZipEntry(e.getName()));
                out.write(bytes);
                out.closeEntry();
            }
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
    @Qualifier("platformJob")
    Job platformJob;

    @Autowired
    @Qualifier("evaluationJob")
    Job evaluationJob;

    @Autowired
    @Qualifier("publishJob")
    Job publishJob;

    @Autowired
    Warehouse warehouse;

    JobExecution last;

    BatchStatus launch(Job job) throws Exception {
        jobs.setJob(job);
        last = jobs.startJob(new JobParametersBuilder().addString("quarter", "2026Q3").addLong("run", System.nanoTime())
                .toJobParameters());
        return last.getStatus();
    }

    @Test
    void nonFiniteNumbersAreRejectedWhereTheyAreAndTheCheckBlocksPublishing() throws Exception {
        for (Job job : List.of(referenceJob, ingestJob, platformJob)) {
            assertThat(launch(job)).as(job.getName()).isEqualTo(BatchStatus.COMPLETED);
        }
        JdbcTemplate jdbc = warehouse.jdbc();
        assertThat(jdbc.queryForList("SELECT row_number || ' ' || reason_code FROM etl_reject WHERE file_name = ? ORDER BY row_number",
                String.class, EXPORT)).containsExactly("3 NOT_FINITE", "4 BAD_NUMBER", "5 BAD_NUMBER", "6 NOT_FINITE", "7 NOT_FINITE");
        assertThat(jdbc.queryForList("SELECT message_zh FROM etl_reject WHERE file_name = ? AND row_number = 3", String.class,
                EXPORT)).singleElement().asString().startsWith("第 3 行数值无效");
        assertThat(jdbc.queryForObject("SELECT rows_loaded FROM etl_file WHERE file_name = ?", Long.class, EXPORT)).isEqualTo(1);

        assertThat(jdbc.queryForObject("SELECT status FROM etl_file WHERE file_name = ?", String.class, WORKBOOK)).startsWith("loaded");
        assertThat(jdbc.queryForList("SELECT cell_ref FROM etl_reject WHERE file_name = ? AND reason_code = ? ORDER BY 1",
                String.class, WORKBOOK, FiniteNumbers.REASON_CODE)).containsExactly("Sheet1!E4");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM fct_indicator_value WHERE NOT isfinite(value)", Long.class)).isZero();

        assertThat(launch(evaluationJob)).isEqualTo(BatchStatus.COMPLETED);
        // what intake never lets through: the last guard must catch it
        jdbc.execute("""
                INSERT INTO fct_indicator_value (indicator_code, town_code, period_code, value, source_kind, revision, is_current)
                VALUES ('H02', '330681', '2026Q3', 'Infinity'::DOUBLE, 'spreadsheet', 1, true)""");
        assertThat(launch(publishJob)).isEqualTo(BatchStatus.FAILED);
        StepExecution checks = last.getStepExecutions().iterator().next();
        assertThat(checks.getExecutionContext().getString(WarehouseTasklet.SUMMARY_KEY))
                .contains("FAIL finite_values", "table_name=fct_indicator_value, column_name=value, value=inf");
        assertThat(outputDir.resolve("qiyouxiang_marts.duckdb")).doesNotExist();
    }

    @Test
    void theLimitIsTheSameInJavaAndSql() {
        assertThat((long) FiniteNumbers.MAX_MAGNITUDE).isEqualTo(9007199254740992L);
        assertThat(SqlFiles.read("statements/platform/macros.sql")).contains("abs(x) <= 9007199254740992");
        assertThat(FiniteNumbers.ok(9007199254740992d)).isTrue();
        assertThat(FiniteNumbers.ok(Double.NaN)).isFalse();
        assertThat(FiniteNumbers.ok(Double.NEGATIVE_INFINITY)).isFalse();
        assertThat(FiniteNumbers.ok(3.3e17)).isFalse();
    }
}
