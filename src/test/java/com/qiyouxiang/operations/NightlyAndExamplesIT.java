package com.qiyouxiang.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;

import com.qiyouxiang.WarehouseJobTest;
import com.qiyouxiang.warehouse.Warehouse;

/**
 * The nightly run end to end on the committed samples (what the README's first command does), and
 * every analyst question under sql/examples run against the published marts file it leaves.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NightlyAndExamplesIT extends WarehouseJobTest {

    @Autowired
    JobOperatorTestUtils jobs;

    @Autowired
    @Qualifier("nightlyJob")
    Job nightlyJob;

    @Autowired
    Warehouse warehouse;

    @Value("${qyx.output-dir}")
    Path out;

    JobExecution nightly;

    @BeforeAll
    void runNightly() throws Exception {
        jobs.setJob(nightlyJob);
        nightly = jobs.startJob(new JobParametersBuilder().addLong("run", 1L).toJobParameters());
    }

    @Test
    void theNightlyRunLoadsEvaluatesAndPublishesTheSamples() throws Exception {
        assertThat(nightly.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        var jdbc = warehouse.jdbc();
        // every file read reconciles, every kind of source arrived
        assertThat(jdbc.queryForObject("SELECT count(*) FROM etl_file WHERE rows_read <> rows_loaded + rows_rejected + rows_ignored",
                Integer.class)).isZero();
        assertThat(jdbc.queryForList("SELECT DISTINCT source_kind FROM etl_file ORDER BY 1", String.class))
                .contains("reference", "spreadsheet", "platform_indicator", "platform_records", "explanation");
        assertThat(jdbc.queryForList("SELECT DISTINCT source_kind FROM fct_indicator_value ORDER BY 1", String.class))
                .containsExactly("derived", "platform", "spreadsheet");
        // the lights are not all one colour, and the issue list opens and closes issues
        assertThat(jdbc.queryForList("SELECT DISTINCT light FROM mart_indicator_quarter WHERE quarter_code = '2026Q3' ORDER BY 1",
                String.class)).contains("green", "yellow", "red");
        assertThat(jdbc.queryForList("SELECT DISTINCT status FROM mart_issue", String.class)).hasSizeGreaterThanOrEqualTo(2);
        // published: the BI file, Parquet and CSV, both reports
        assertThat(out.resolve("qiyouxiang_marts.duckdb")).exists();
        assertThat(out.resolve("reports/七优享季度调度报告-2026Q3.xlsx")).exists();
        assertThat(out.resolve("reports/七优享季度调度报告-2026Q3.html")).exists();
        try (Stream<Path> parquet = Files.list(out.resolve("marts/parquet"))) {
            assertThat(parquet.count()).isGreaterThanOrEqualTo(8);
        }
    }

    static Stream<Path> examples() throws Exception {
        return Files.list(Path.of("sql/examples")).filter(p -> p.toString().endsWith(".sql")).sorted();
    }

    @ParameterizedTest
    @MethodSource("examples")
    void everyAnalystExampleReturnsRows(Path example) throws Exception {
        String sql = Files.readString(example, StandardCharsets.UTF_8);
        assertThat(sql).as("an example explains itself").startsWith("-- ");
        Properties readOnly = new Properties();
        readOnly.setProperty("duckdb.read_only", "true");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + out.resolve("qiyouxiang_marts.duckdb").toAbsolutePath(), readOnly);
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            assertThat(rs.next()).as(example + " returns rows").isTrue();
        }
    }

    @Test
    void thereAreTheExamplesTheAnalystsAskFor() throws Exception {
        assertThat(examples().map(p -> p.getFileName().toString()).toList()).containsAll(List.of(
                "red_indicators_this_quarter.sql", "town_profile.sql", "domain_trend.sql", "bureaus_late_or_rejected.sql",
                "distance_to_2027_target.sql"));
    }

    String trace(String indicator, String quarter, String town) throws Exception {
        try (Connection c = warehouse.connect()) {
            return com.qiyouxiang.evaluation.Trace.trace(c, indicator, quarter, town);
        }
    }

    @Test
    void traceFollowsASpreadsheetFigureToItsCellsRevisionsFindingsAndExplanations() throws Exception {
        // 卫健局's 2024Q2 city figure of H02 was corrected by a 修改版 file: both revisions, each with its cell
        String h02 = trace("H02", "2024Q2", null);
        assertThat(h02).contains("指标 H02", "亮灯：", "A = ", "E = ", "δ = ", "c = ", "部门报表 第 1 版", "★ 部门报表 第 2 版",
                "市卫健局2024年1-6月分镇街托育数据（修改版）.xlsx", "分镇街!D29");
        // a 核实性 finding with the 情况说明 attached
        assertThat(trace("T26", "2025Q3", null)).contains("审核规则 R-CHANGE-QOQ（核实性）", "情况说明：本季度起按省卫健委新口径统计");
    }

    @Test
    void traceFollowsAPlatformFigureToItsLineAndADerivedFigureToItsQueryAndRecords() throws Exception {
        assertThat(trace("H03", "2024Q2", "330681001")).contains("镇街 330681001 的数据", "公共数据平台 第 1 版",
                "平台_指标数据_2024Q2.csv，第 2 行");
        assertThat(trace("H13", "2025Q2", "330681115")).contains("明细推算 第 1 版",
                "推算查询 sql/indicators/h13_certified_caregivers_per_10000_elderly.sql", "rec_care_worker：");
    }

    @Test
    void thePublishedMartsCarryTheSourceOfEveryFigure() throws Exception {
        Properties readOnly = new Properties();
        readOnly.setProperty("duckdb.read_only", "true");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + out.resolve("qiyouxiang_marts.duckdb").toAbsolutePath(), readOnly);
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                     SELECT count(*) FILTER (WHERE fact_id IS NOT NULL AND fact_file IS NOT NULL AND fact_location IS NOT NULL),
                            count(*) FILTER (WHERE value IS NOT NULL AND value_basis = 'reported')
                     FROM mart_indicator_quarter""")) {
            rs.next();
            assertThat(rs.getLong(1)).isPositive().isEqualTo(rs.getLong(2));
        }
    }
}
