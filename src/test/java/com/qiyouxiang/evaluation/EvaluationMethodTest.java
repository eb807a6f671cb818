package com.qiyouxiang.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
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
 * The evaluation method (docs/evaluation-method.md) on hand-computed cases: facts inserted through
 * FactWriter on top of the real reference data (referenceJob), evaluationJob run for a quarter, the
 * marts read back. Each expected figure is worked out in the comment beside it.
 */
class EvaluationMethodTest extends WarehouseJobTest {

    static final String CITY = "330681";
    static boolean loaded;

    @Autowired
    JobOperatorTestUtils jobs;

    @Autowired
    @Qualifier("referenceJob")
    Job referenceJob;

    @Autowired
    @Qualifier("evaluationJob")
    Job evaluationJob;

    @Autowired
    Warehouse warehouse;

    JdbcTemplate jdbc;

    @BeforeEach
    void referenceDataAndFacts() throws Exception {
        jdbc = warehouse.jdbc();
        if (loaded) {
            return;
        }
        jobs.setJob(referenceJob);
        assertThat(jobs.startJob(new JobParametersBuilder().addLong("run", System.nanoTime()).toJobParameters())
                .getStatus()).isEqualTo(BatchStatus.COMPLETED);
        List<Observation> spreadsheet = new ArrayList<>(List.of(
                // plain climbing target, H01 2024: P = 4.0, T = 4.3 -> E = 4.075, 4.15, 4.225, 4.3
                city("H01", "2023Q2", 3.8), city("H01", "2024Q1", 4.1), city("H01", "2024Q2", 4.1),
                // maintenance 95 -> 95 (H03) and 100 -> 100 (H04): E = T in every quarter
                city("H03", "2024Q1", 95.0), city("H04", "2024", 96.0),
                // no baseline (H18 2023: B = '/', T = 85): E = 85 in 2023Q1
                city("H18", "2023Q1", 80.0),
                // ▲ observation indicator
                city("H07", "2024Q2", 5.0),
                // lower is better, annual (H11 2024: T = 9.20)
                city("H11", "2024", 9.30),
                // strict bounds: H12 '>70' every year, H19 '>14000' in 2024 (not a line from 13200)
                city("H12", "2024", 70.0), city("H19", "2024", 14500.0),
                // stale annual: H10 has 2024 only (T_2024 = 82.45, T_2026 = 83.01)
                city("H10", "2024", 82.50),
                // yellow twice: H02 2026 P = 68, T = 70 -> E = 68.5, 69
                city("H02", "2026Q1", 68.0), city("H02", "2026Q2", 68.5),
                // close and reopen: H08 2025 E(q3) = 94.875, E(q4) = 95; 2026 E = 95.125, 95.25, 95.375
                city("H08", "2025Q3", 85.0), city("H08", "2025Q4", 90.0), city("H08", "2026Q1", 96.0),
                city("H08", "2026Q2", 80.0), city("H08", "2026Q3", 85.0),
                // precedence: the bureau's figure (spreadsheet) over the platform's
                city("H20", "2026Q3", 88.0),
                // a '/' year: H16's 2026 target is made '/' below
                city("H16", "2026", 30.0),
                // a reported city value beside towns (H13 ratio, scale 10000)
                city("H13", "2026Q3", 27.0),
                // a task indicator's line (T04 '>=1.17' in 2027)
                city("T04", "2024", 0.97), city("T04", "2025", 1.00),
                // E = 0: H11's 2025 target is made 0 below (lower is better), 0.3 is not met
                city("H11", "2025", 0.3),
                // exactly on the line: H06 (annual) 2025 = 0.1, 2026 = 0.3 (set below): E(2026, 4) = 0.1 + 0.2 x 4/4 = 0.3;
                // H14 2025 = 0, 2026 = 0.4: E(2026, 3) = 0.4 x 3/4 = 0.3
                city("H06", "2026", 0.3), city("H14", "2026Q3", 0.3)));
        // H13 by town: 30/10000, 50/20000, 15/5000 (x 10000 = 30, 25, 30): ranks 1, 3, 1
        spreadsheet.add(new Observation("H13", "330681001", "2026Q3", 30.0, 30.0, 10000.0, "A"));
        spreadsheet.add(new Observation("H13", "330681002", "2026Q3", 25.0, 50.0, 20000.0, "A"));
        spreadsheet.add(new Observation("H13", "330681003", "2026Q3", 30.0, 15.0, 5000.0, "A"));
        // H09 (sum) reported by all 23 towns, no city value: the city value is built, 20 x 0.6 + 0.1 + 0.2 + 0.2 = 12.5
        List<String> towns = jdbc.queryForList("SELECT town_code FROM dim_town WHERE level = 'town' ORDER BY 1", String.class);
        for (int i = 0; i < towns.size(); i++) {
            double value = i < 20 ? 0.6 : i == 20 ? 0.1 : 0.2;
            spreadsheet.add(new Observation("H09", towns.get(i), "2026Q3", value, null, null, "A"));
        }
        try (Connection c = warehouse.connect()) {
            FactWriter.write(c, spreadsheet, "spreadsheet", null, null, "test", null);
            FactWriter.write(c, List.of(city("H20", "2026Q3", 85.0)), "platform", null, null, "test", null);
            try (Statement s = c.createStatement()) {
                s.execute("UPDATE fct_indicator_target SET target_text = '/', comparator = NULL, target_value = NULL "
                        + "WHERE indicator_code = 'H16' AND year = 2026");
                s.execute("UPDATE fct_indicator_target SET target_text = '0', target_value = 0 "
                        + "WHERE indicator_code = 'H11' AND year = 2025");
                s.execute("""
                        UPDATE fct_indicator_target SET comparator = '>=', target_text = CAST(t.v AS VARCHAR), target_value = t.v
                        FROM (VALUES ('H06', 2025, 0.1), ('H06', 2026, 0.3), ('H14', 2025, 0.0), ('H14', 2026, 0.4)) t(code, y, v)
                        WHERE indicator_code = t.code AND year = t.y""");
                // submissions for 2026Q3 (deadline 2026-10-10): 建设局 on time, 卫生健康局 late with rejects
                s.execute("""
                        INSERT INTO etl_file (file_name, path, checksum_sha256, size_bytes, source_kind, bureau_code, period_code,
                                              status, rows_read, rows_loaded, rows_rejected, rows_ignored, received_at) VALUES
                        ('js.xlsx', '/in/js.xlsx', 'a', 1, 'spreadsheet', 'JS', '2026Q3', 'loaded', 12, 10, 0, 2, TIMESTAMP '2026-10-10 18:00:00'),
                        ('wj.xlsx', '/in/wj.xlsx', 'b', 1, 'spreadsheet', 'WJ', '2026Q3', 'loaded_with_rejects', 30, 18, 2, 10, TIMESTAMP '2026-10-11 09:00:00')""");
            }
        }
        loaded = true;
    }

    static Observation city(String code, String period, double value) {
        return Observation.of(code, CITY, period, value);
    }

    void evaluate(String quarter) throws Exception {
        jobs.setJob(evaluationJob);
        JobExecution execution = jobs.startJob(new JobParametersBuilder().addString("quarter", quarter)
                .addLong("run", System.nanoTime()).toJobParameters());
        assertThat(execution.getStatus()).as(execution.getAllFailureExceptions().toString()).isEqualTo(BatchStatus.COMPLETED);
    }

    Map<String, Object> row(String quarter, String indicator) {
        return jdbc.queryForMap("SELECT * FROM mart_indicator_quarter WHERE quarter_code = ? AND indicator_code = ?",
                quarter, indicator);
    }

    static double d(Object value) {
        return ((Number) value).doubleValue();
    }

    @Test
    void plainTargetMovesInAStraightLineFromLastYearsTarget() throws Exception {
        evaluate("2024Q2");
        Map<String, Object> q2 = row("2024Q2", "H01");
        // E = 4.0 + (4.3 - 4.0) x 2/4 = 4.15; δ = (4.1 - 4.15) / 4.15 = -0.012048 -> yellow; c = 4.1/4.15 -> 98.80
        assertThat(d(q2.get("schedule_target"))).isCloseTo(4.15, within(1e-9));
        assertThat(d(q2.get("deviation"))).isCloseTo(-0.012048, within(1e-6));
        assertThat(q2).containsEntry("light", "yellow").containsEntry("light_zh", "黄灯").containsEntry("data_period", "2024Q2");
        assertThat(d(q2.get("score"))).isEqualTo(98.80);
        // QoQ against 2024Q1 (4.1): 0; YoY against 2023Q2 (3.8): 0.3
        assertThat(d(q2.get("qoq_change"))).isCloseTo(0.0, within(1e-9));
        assertThat(d(q2.get("yoy_change"))).isCloseTo(0.3, within(1e-9));
        // plan progress: (4.1 - 3.5) / (5.5 - 3.5) = 0.3
        assertThat(d(q2.get("plan_progress"))).isCloseTo(0.3, within(1e-9));
        // 2024Q1: E = 4.075, 4.1 >= 4.075 -> green, 100
        evaluate("2024Q1");
        Map<String, Object> q1 = row("2024Q1", "H01");
        assertThat(d(q1.get("schedule_target"))).isCloseTo(4.075, within(1e-9));
        assertThat(q1).containsEntry("light", "green");
        assertThat(d(q1.get("score"))).isEqualTo(100.0);
    }

    @Test
    void maintenanceTargetsHoldTheLevelInEveryQuarter() throws Exception {
        evaluate("2024Q1");
        // H03 95 -> 95: E = 95 already in Q1 (not a line), 95 >= 95 -> green
        Map<String, Object> h03 = row("2024Q1", "H03");
        assertThat(d(h03.get("schedule_target"))).isEqualTo(95.0);
        assertThat(h03).containsEntry("light", "green");
        // H04 100 -> 100, annual 2024 value 96, judged in 2024Q4: E = 100, δ = -0.04 -> yellow, score 96
        evaluate("2024Q4");
        Map<String, Object> h04 = row("2024Q4", "H04");
        assertThat(d(h04.get("schedule_target"))).isEqualTo(100.0);
        assertThat(d(h04.get("deviation"))).isCloseTo(-0.04, within(1e-9));
        assertThat(h04).containsEntry("light", "yellow").containsEntry("data_period", "2024");
        assertThat(d(h04.get("score"))).isEqualTo(96.0);
    }

    @Test
    void withoutBaselineTheFirstYearsTargetHoldsAllYear() throws Exception {
        evaluate("2023Q1");
        // H18 2023: no P -> E = 85; δ = (80 - 85)/85 = -0.0588 < -0.05 -> red; score 100 x 80/85 = 94.12
        Map<String, Object> h18 = row("2023Q1", "H18");
        assertThat(d(h18.get("schedule_target"))).isEqualTo(85.0);
        assertThat(h18).containsEntry("light", "red").containsEntry("baseline_text", "/");
        assertThat(d(h18.get("score"))).isEqualTo(94.12);
    }

    @Test
    void aFigureExactlyOnTheLineMeetsIt() throws Exception {
        // in doubles H14's line comes out 0.30000000000000004, and 0.3 would be 黄灯 by 1e-16
        evaluate("2026Q4");
        Map<String, Object> h06 = row("2026Q4", "H06");
        assertThat(h06).containsEntry("data_period", "2026");
        assertThat(d(h06.get("schedule_target"))).isEqualTo(0.3);
        assertThat(h06).containsEntry("light", "green");
        assertThat(d(h06.get("deviation"))).isEqualTo(0.0);
        assertThat(d(h06.get("score"))).isEqualTo(100.0);
        evaluate("2026Q3");
        Map<String, Object> h14 = row("2026Q3", "H14");
        assertThat(d(h14.get("schedule_target"))).isEqualTo(0.3);
        assertThat(h14).containsEntry("light", "green");
    }

    @Test
    void lowerIsBetterTurnsTheDeviationAndCompletionAround() throws Exception {
        evaluate("2025Q1");
        // H11 2024 annual: E = T_2024 = 9.20; δ = (9.20 - 9.30)/9.20 = -0.010870 -> yellow; c = 9.2/9.3 -> 98.92
        Map<String, Object> h11 = row("2025Q1", "H11");
        assertThat(d(h11.get("schedule_target"))).isCloseTo(9.2, within(1e-9));
        assertThat(d(h11.get("deviation"))).isCloseTo(-0.010870, within(1e-6));
        assertThat(h11).containsEntry("light", "yellow").containsEntry("data_period", "2024");
        assertThat(d(h11.get("score"))).isEqualTo(98.92);
    }

    @Test
    void aZeroScheduleTargetIsJudgedByTheMetTestAlone() throws Exception {
        evaluate("2026Q1");
        // H11 2025: E(2025, 4) = 9.20 + (0 - 9.20) x 4/4 = 0; 0.3 <= 0 fails -> red, no δ, score 0
        Map<String, Object> h11 = row("2026Q1", "H11");
        assertThat(h11).containsEntry("data_period", "2025").containsEntry("light", "red");
        assertThat(d(h11.get("schedule_target"))).isEqualTo(0.0);
        assertThat(h11.get("deviation")).isNull();
        assertThat(d(h11.get("score"))).isEqualTo(0.0);
    }

    @Test
    void strictBoundsAreFloorsMetOnlyStrictly() throws Exception {
        evaluate("2025Q1");
        // H12 '>70': 70 is not above 70 -> not green although δ = 0 (yellow), E = 70
        Map<String, Object> h12 = row("2025Q1", "H12");
        assertThat(d(h12.get("schedule_target"))).isEqualTo(70.0);
        assertThat(h12).containsEntry("light", "yellow").containsEntry("is_strict", true).containsEntry("target_text", ">70");
        // H19 2024 '>14000' after 13200 in 2023: E = 14000 (a floor, not a line); 14500 > 14000 -> green
        Map<String, Object> h19 = row("2025Q1", "H19");
        assertThat(d(h19.get("schedule_target"))).isEqualTo(14000.0);
        assertThat(h19).containsEntry("light", "green");
    }

    @Test
    void observationIndicatorsAndSlashYearsAreGreyAndUnscored() throws Exception {
        evaluate("2024Q2");
        Map<String, Object> h07 = row("2024Q2", "H07");
        assertThat(h07).containsEntry("light", "grey").containsEntry("grey_reason", "观察性指标（▲），不评价");
        assertThat(h07.get("score")).isNull();
        assertThat(d(h07.get("value"))).isEqualTo(5.0);
        evaluate("2026Q4");
        Map<String, Object> h16 = row("2026Q4", "H16");
        assertThat(h16).containsEntry("light", "grey").containsEntry("grey_reason", "当年无目标（/）").containsEntry("target_text", "/");
        assertThat(h16.get("score")).isNull();
    }

    @Test
    void staleAnnualDataIsJudgedAgainstItsOwnYear() throws Exception {
        evaluate("2026Q1");
        // before Q2 has closed, no 2025 value is not yet stale
        assertThat(row("2026Q1", "H10")).containsEntry("data_period", "2024").containsEntry("is_stale", false);
        evaluate("2026Q3");
        Map<String, Object> h10 = row("2026Q3", "H10");
        // judged against T_2024 = 82.45 (green), not T_2026 = 83.01
        assertThat(h10).containsEntry("data_period", "2024").containsEntry("is_stale", true)
                .containsEntry("target_year", 2024).containsEntry("light", "green");
        assertThat(d(h10.get("schedule_target"))).isCloseTo(82.45, within(1e-9));
        // a quarterly indicator with no value for the quarter is stale and grey when it never had one
        assertThat(row("2026Q3", "H01")).containsEntry("is_stale", true);
        assertThat(row("2026Q3", "H21")).containsEntry("light", "grey").containsEntry("grey_reason", "无数据");
    }

    @Test
    void yellowTwiceInARowOpensAnIssue() throws Exception {
        evaluate("2026Q1");
        assertThat(row("2026Q1", "H02")).containsEntry("light", "yellow");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM mart_issue WHERE as_of_quarter = '2026Q1' AND indicator_code = 'H02'",
                Integer.class)).isZero();
        evaluate("2026Q2");
        assertThat(row("2026Q2", "H02")).containsEntry("light", "yellow");
        Map<String, Object> issue = jdbc.queryForMap("SELECT * FROM mart_issue WHERE as_of_quarter = '2026Q2' AND indicator_code = 'H02'");
        assertThat(issue).containsEntry("issue_id", "H02-2026Q2").containsEntry("opened_reason", "连续两个季度黄灯")
                .containsEntry("status", "open").containsEntry("is_new", true).containsEntry("bureau_name", "卫生健康局");
    }

    @Test
    void issuesCloseOnGreenAndReopenWithANewStableId() throws Exception {
        evaluate("2026Q3");
        evaluate("2026Q3"); // a rerun of the same quarter
        List<Map<String, Object>> issues = jdbc.queryForList(
                "SELECT * FROM mart_issue WHERE as_of_quarter = '2026Q3' AND indicator_code = 'H08' ORDER BY opened_quarter");
        assertThat(issues).hasSize(2);
        // red in 2025Q3 and Q4, green in 2026Q1 (96 >= 95.125): open 2 quarters, closed in 2026Q1
        assertThat(issues.get(0)).containsEntry("issue_id", "H08-2025Q3").containsEntry("status", "closed")
                .containsEntry("closed_quarter", "2026Q1").containsEntry("quarters_open", 2).containsEntry("opened_reason", "红灯");
        // red again in 2026Q2: a new issue, still open in 2026Q3 (2 quarters), pointing back to the first
        assertThat(issues.get(1)).containsEntry("issue_id", "H08-2026Q2").containsEntry("status", "open")
                .containsEntry("quarters_open", 2).containsEntry("previous_issue_id", "H08-2025Q3").containsEntry("is_new", false);
        // the same issue keeps its id in an earlier quarter's list
        evaluate("2026Q1");
        assertThat(jdbc.queryForList("SELECT issue_id || ':' || status FROM mart_issue WHERE as_of_quarter = '2026Q1' "
                + "AND indicator_code = 'H08'", String.class)).containsExactly("H08-2025Q3:closed");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM mart_issue WHERE as_of_quarter = '2026Q3'", Integer.class))
                .isEqualTo(jdbc.queryForObject("SELECT count(DISTINCT issue_id) FROM mart_issue WHERE as_of_quarter = '2026Q3'", Integer.class));
    }

    @Test
    void townsRankWithTiesAndTheRateCityValueComesFromNumeratorsAndDenominators() throws Exception {
        evaluate("2026Q3");
        List<Map<String, Object>> towns = jdbc.queryForList(
                "SELECT * FROM mart_town_comparison WHERE quarter_code = '2026Q3' AND indicator_code = 'H13' ORDER BY town_code");
        assertThat(towns).extracting(r -> r.get("town_rank")).containsExactly(1, 3, 1);
        Map<String, Object> first = towns.get(0);
        // built: (30 + 50 + 15) / (10000 + 20000 + 5000) x 10000 = 27.142857 (the mean of the rates would be 28.33)
        assertThat(d(first.get("city_value_built"))).isCloseTo(27.142857, within(1e-6));
        // the bureau's own city value (27.0) wins; the difference is reported
        assertThat(d(first.get("city_value"))).isEqualTo(27.0);
        assertThat(d(first.get("reported_minus_built"))).isCloseTo(-0.142857, within(1e-6));
        assertThat(d(first.get("gap_to_city"))).isCloseTo(3.0, within(1e-9));
        // CV: mean 28.3333, population sd sqrt(16.6667 / 3) = 2.3570 -> 0.083189
        assertThat(d(first.get("town_cv"))).isCloseTo(0.083189, within(1e-6));
        // H09 (sum) from all 23 towns and no reported city value: built 12.5 is the city value, exactly (added up
        // as doubles it is 12.499999999999996, which would miss the target); 2026 E(q3) = 11 + (13 - 11) x 3/4 = 12.5,
        // met -> green, score 100
        Map<String, Object> h09 = row("2026Q3", "H09");
        assertThat(h09).containsEntry("value_basis", "built").containsEntry("light", "green");
        assertThat(d(h09.get("value"))).isEqualTo(12.5);
        assertThat(d(h09.get("schedule_target"))).isEqualTo(12.5);
        assertThat(d(h09.get("score"))).isEqualTo(100.0);
    }

    @Test
    void theBureausSpreadsheetFigureWinsOverThePlatforms() throws Exception {
        evaluate("2026Q3");
        Map<String, Object> h20 = row("2026Q3", "H20");
        assertThat(d(h20.get("value"))).isEqualTo(88.0);
        assertThat(jdbc.queryForList("SELECT source_kind || '=' || value FROM fct_indicator_value WHERE indicator_code = 'H20' "
                + "AND period_code = '2026Q3' AND is_current ORDER BY 1", String.class)).containsExactly("platform=85.0", "spreadsheet=88.0");
    }

    @Test
    void aTaskIndicatorsLineRunsFromItsFirstObservationToItsTargetYear() throws Exception {
        evaluate("2026Q1");
        // T04 '>=1.17' in 2027, first observed 0.97 for 2024: the line runs over the 12 quarters to the end of 2027;
        // 2025 (4 quarters in): E = 0.97 + (1.17 - 0.97) x 4/12 = 1.036667; δ = (1.00 - 1.036667)/1.036667 = -0.03537
        Map<String, Object> t04 = row("2026Q1", "T04");
        assertThat(t04).containsEntry("data_period", "2025").containsEntry("light", "yellow").containsEntry("kind", "task");
        assertThat(d(t04.get("schedule_target"))).isCloseTo(1.036667, within(1e-6));
        assertThat(d(t04.get("deviation"))).isCloseTo(-0.035370, within(1e-6));
    }

    @Test
    void aBackfillEvaluatesEveryQuarterOfTheRange() throws Exception {
        jobs.setJob(evaluationJob);
        JobExecution execution = jobs.startJob(new JobParametersBuilder().addString("from", "2025Q3")
                .addString("quarter", "2026Q3").addLong("run", System.nanoTime()).toJobParameters());
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(jdbc.queryForList("SELECT quarter_code FROM mart_overall_quarter WHERE quarter_code >= '2025Q3' ORDER BY 1",
                String.class)).containsExactly("2025Q3", "2025Q4", "2026Q1", "2026Q2", "2026Q3");
        // the 2025 evaluation is the year's (Q4) evaluation
        assertThat(jdbc.queryForObject("SELECT quarter_code FROM mart_annual_evaluation WHERE year = 2025", String.class))
                .isEqualTo("2025Q4");
        // each quarter's issue list as it stood then: H08's first issue opened in 2025Q3
        assertThat(jdbc.queryForList("SELECT as_of_quarter || ' ' || status FROM mart_issue WHERE issue_id = 'H08-2025Q3' "
                + "AND as_of_quarter >= '2025Q3' ORDER BY 1", String.class))
                .containsExactly("2025Q3 open", "2025Q4 open", "2026Q1 closed", "2026Q2 closed", "2026Q3 closed");
    }

    @Test
    void domainsOverallBureausAndTheChaseList() throws Exception {
        evaluate("2026Q3");
        // domain score: weighted mean over scored indicators, core weight 2
        Map<String, Object> lysd = jdbc.queryForMap("SELECT * FROM mart_domain_quarter WHERE quarter_code = '2026Q3' AND domain_code = 'LYSD'");
        List<Map<String, Object>> scored = jdbc.queryForList("""
                SELECT score, is_core FROM mart_indicator_quarter WHERE quarter_code = '2026Q3' AND domain_code = 'LYSD' AND score IS NOT NULL""");
        BigDecimal sum = BigDecimal.ZERO;
        int weights = 0;
        for (Map<String, Object> r : scored) {
            int w = Boolean.TRUE.equals(r.get("is_core")) ? 2 : 1;
            sum = sum.add(BigDecimal.valueOf(d(r.get("score"))).multiply(BigDecimal.valueOf(w)));
            weights += w;
        }
        assertThat(d(lysd.get("domain_score"))).isEqualTo(sum.divide(BigDecimal.valueOf(weights), 2, RoundingMode.HALF_UP).doubleValue());
        Map<String, Object> overall = jdbc.queryForMap("SELECT * FROM mart_overall_quarter WHERE quarter_code = '2026Q3'");
        List<Double> domainScores = jdbc.queryForList(
                "SELECT domain_score FROM mart_domain_quarter WHERE quarter_code = '2026Q3' AND domain_score IS NOT NULL", Double.class);
        BigDecimal domainSum = domainScores.stream().map(BigDecimal::valueOf).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(d(overall.get("overall_score")))
                .isEqualTo(domainSum.divide(BigDecimal.valueOf(domainScores.size()), 2, RoundingMode.HALF_UP).doubleValue());
        // bureaus: expected once, 建设局 on time on the deadline day, 卫生健康局 a day late with 2 of 20 rows rejected
        Map<String, Object> js = jdbc.queryForMap("SELECT * FROM mart_bureau_quarter WHERE quarter_code = '2026Q3' AND bureau_code = 'JS'");
        assertThat(js).containsEntry("submissions_expected", 1).containsEntry("submissions_received", 1)
                .containsEntry("submissions_on_time", 1).containsEntry("submissions_late", 0);
        Map<String, Object> wj = jdbc.queryForMap("SELECT * FROM mart_bureau_quarter WHERE quarter_code = '2026Q3' AND bureau_code = 'WJ'");
        assertThat(wj).containsEntry("submissions_on_time", 0).containsEntry("submissions_late", 1);
        assertThat(d(wj.get("rejected_share"))).isCloseTo(0.1, within(1e-9));
        Map<String, Object> mz = jdbc.queryForMap("SELECT * FROM mart_bureau_quarter WHERE quarter_code = '2026Q3' AND bureau_code = 'MZ'");
        assertThat(mz).containsEntry("submissions_received", 0);
        // the chase list: H01 (by town, quarterly) missing for all 23 towns, with its bureau
        assertThat(jdbc.queryForObject("SELECT count(*) FROM mart_data_completeness WHERE quarter_code = '2026Q3' AND indicator_code = 'H01'",
                Integer.class)).isEqualTo(23);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM mart_data_completeness WHERE quarter_code = '2026Q3' AND indicator_code = 'H20'",
                Integer.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT message_zh FROM mart_data_completeness WHERE quarter_code = '2026Q3' "
                + "AND indicator_code = 'H01' AND town_code = '330681001'", String.class))
                .isEqualTo("请卫生健康局报送暨阳街道“每千人口拥有3岁以下婴幼儿托位数”2026Q3数据（尚无任何数据）");
        // data-quality results stored for the run
        assertThat(jdbc.queryForObject("SELECT count(*) FROM dq_check_result WHERE quarter_code = '2026Q3' AND status = 'fail'",
                Integer.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT count(DISTINCT check_name) FROM dq_check_result", Integer.class))
                .isEqualTo(DataQualityChecks.available().size());
    }
}
