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
    @Qualifier("reviewJob")
    Job reviewJob;

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
                city("H06", "2026", 0.3), city("H14", "2026Q3", 0.3),
                // v2 §1: a '<' bound includes its number: H11 2023 made '<9' below, 9.0 meets it
                city("H11", "2023", 9.0),
                // v2 §6: H04 (annual, 100 -> 100) yellow in 2024 (96) and again in 2025 (97)
                city("H04", "2025", 97.0),
                // v2 §4 rounding: H03 2025 E = 95, 91.03375 / 95 = 0.95825 exactly -> 95.83 (doubles: 95.82);
                // H03 2026 made a held 4.15 below: 3.9425 is δ = -0.05 exactly -> yellow (doubles: -0.0500000000000001, red)
                city("H03", "2025Q1", 91.03375), city("H03", "2026Q1", 3.9425)));
        // H13 by all 23 towns (v2 §5: a city value is built only from every town): 30/10000, 50/20000, 15/5000
        // (x 10000 = 30, 25, 30) and 20 towns of 10/5000 (= 20): ranks 1, 3, 1, then 4
        List<String> towns = jdbc.queryForList("SELECT town_code FROM dim_town WHERE level = 'town' ORDER BY 1", String.class);
        spreadsheet.add(new Observation("H13", towns.get(0), "2026Q3", 30.0, 30.0, 10000.0, "A"));
        spreadsheet.add(new Observation("H13", towns.get(1), "2026Q3", 25.0, 50.0, 20000.0, "A"));
        spreadsheet.add(new Observation("H13", towns.get(2), "2026Q3", 30.0, 15.0, 5000.0, "A"));
        for (int i = 3; i < towns.size(); i++) {
            spreadsheet.add(new Observation("H13", towns.get(i), "2026Q3", 20.0, 10.0, 5000.0, "A"));
        }
        // H09 (sum) reported by all 23 towns, no city value: the city value is built, 20 x 0.6 + 0.1 + 0.2 + 0.2 = 12.5;
        // in 2026Q2 by 22 towns (the last one missing) beside a reported city value of 12: no built value, no difference
        for (int i = 0; i < towns.size(); i++) {
            double value = i < 20 ? 0.6 : i == 20 ? 0.1 : 0.2;
            spreadsheet.add(new Observation("H09", towns.get(i), "2026Q3", value, null, null, "A"));
            if (i < towns.size() - 1) {
                spreadsheet.add(new Observation("H09", towns.get(i), "2026Q2", value, null, null, "A"));
            }
        }
        spreadsheet.add(city("H09", "2026Q2", 12.0));
        try (Connection c = warehouse.connect()) {
            FactWriter.write(c, spreadsheet, "spreadsheet", null, null, "test", null);
            FactWriter.write(c, List.of(city("H20", "2026Q3", 85.0)), "platform", null, null, "test", null);
            try (Statement s = c.createStatement()) {
                s.execute("UPDATE fct_indicator_target SET target_text = '/', comparator = NULL, target_value = NULL "
                        + "WHERE indicator_code = 'H16' AND year = 2026");
                s.execute("UPDATE fct_indicator_target SET target_text = '0', target_value = 0 "
                        + "WHERE indicator_code = 'H11' AND year = 2025");
                s.execute("UPDATE fct_indicator_target SET target_text = '<9', comparator = '<', target_value = 9 "
                        + "WHERE indicator_code = 'H11' AND year = 2023");
                s.execute("UPDATE fct_indicator_target SET target_text = '4.15', target_value = 4.15 "
                        + "WHERE indicator_code = 'H03' AND year = 2026");
                s.execute("""
                        UPDATE fct_indicator_target SET comparator = '>=', target_text = CAST(t.v AS VARCHAR), target_value = t.v
                        FROM (VALUES ('H06', 2025, 0.1), ('H06', 2026, 0.3), ('H14', 2025, 0.0), ('H14', 2026, 0.4)) t(code, y, v)
                        WHERE indicator_code = t.code AND year = t.y""");
                // submissions for 2026Q3 (deadline 2026-10-10): 建设局 on time, 卫生健康局 late with rejects
                s.execute("""
                        INSERT INTO etl_file (file_name, path, checksum_sha256, size_bytes, source_kind, bureau_code, period_code,
                                              status, rows_read, rows_loaded, rows_rejected, rows_ignored, received_at) VALUES
                        ('js.xlsx', '/in/js.xlsx', 'a', 1, 'spreadsheet', 'JS', '2026Q3', 'loaded', 12, 10, 0, 2, TIMESTAMP '2026-10-10 18:00:00'),
                        ('wj.xlsx', '/in/wj.xlsx', 'b', 1, 'spreadsheet', 'WJ', '2026Q3', 'loaded_with_rejects', 30, 18, 2, 10, TIMESTAMP '2026-10-11 09:00:00'),
                        ('jt.xlsx', '/in/jt.xlsx', 'c', 1, 'spreadsheet', 'JT', '2025', 'loaded', 9, 6, 0, 3, TIMESTAMP '2026-04-08 10:00:00')""");
            }
        }
        loaded = true;
    }

    static Observation city(String code, String period, double value) {
        return Observation.of(code, CITY, period, value);
    }

    /** Evaluates the quarter as on 2026-12-01 (2026Q4 under way), so the expectations do not move with the clock. */
    void evaluate(String quarter) throws Exception {
        evaluate(quarter, TODAY);
    }

    static final String TODAY = "2026-12-01";

    void evaluate(String quarter, String today) throws Exception {
        jobs.setJob(evaluationJob);
        JobExecution execution = jobs.startJob(new JobParametersBuilder().addString("quarter", quarter)
                .addString("today", today).addLong("run", System.nanoTime()).toJobParameters());
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
    void boundsIncludeTheirNumber() throws Exception {
        // v2 §1: H12 '>70' is 70以上, met at 70: green, score 100, E = 70 (v1: yellow with a score of 100)
        evaluate("2025Q1");
        Map<String, Object> h12 = row("2025Q1", "H12");
        assertThat(d(h12.get("schedule_target"))).isEqualTo(70.0);
        assertThat(h12).containsEntry("light", "green").containsEntry("is_bound", true).containsEntry("target_text", ">70");
        assertThat(d(h12.get("score"))).isEqualTo(100.0);
        // H19 2024 '>14000' after 13200 in 2023: E = 14000 (a floor, not a line); 14500 >= 14000 -> green
        Map<String, Object> h19 = row("2025Q1", "H19");
        assertThat(d(h19.get("schedule_target"))).isEqualTo(14000.0);
        assertThat(h19).containsEntry("light", "green");
        // lower is better, H11 2023 '<9' (9以下) with 9.0, shown in 2024Q1: E = 9 in every quarter, met at 9 -> green
        evaluate("2024Q1");
        Map<String, Object> h11 = row("2024Q1", "H11");
        assertThat(h11).containsEntry("data_period", "2023").containsEntry("light", "green").containsEntry("is_bound", true);
        assertThat(d(h11.get("schedule_target"))).isEqualTo(9.0);
        assertThat(d(h11.get("score"))).isEqualTo(100.0);
    }

    @Test
    void scoresAndBandEdgesAreDecidedOnExactValues() throws Exception {
        // v2 §4: H03 2025 E = 95, A = 91.03375: c = 0.95825 exactly, s = 95.825 -> 95.83 half up (in doubles 95.82);
        // δ = -0.04175 -> yellow
        evaluate("2025Q1");
        Map<String, Object> q = row("2025Q1", "H03");
        assertThat(d(q.get("score"))).isEqualTo(95.83);
        assertThat(q).containsEntry("light", "yellow");
        // H03 2026 held at 4.15 (relaxed from 95: E = T), A = 3.9425: δ = -0.2075 / 4.15 = -0.05 exactly, on the band's
        // edge -> yellow (in doubles -0.05000000000000011, red); s = 95.00
        evaluate("2026Q1");
        Map<String, Object> edge = row("2026Q1", "H03");
        assertThat(d(edge.get("schedule_target"))).isEqualTo(4.15);
        assertThat(edge).containsEntry("light", "yellow");
        assertThat(d(edge.get("score"))).isEqualTo(95.0);
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
        assertThat(towns).hasSize(23);
        assertThat(towns.subList(0, 4)).extracting(r -> r.get("town_rank")).containsExactly(1, 3, 1, 4);
        Map<String, Object> first = towns.get(0);
        // built from all 23: (30 + 50 + 15 + 20 x 10) / (10000 + 20000 + 5000 + 20 x 5000) x 10000 = 295 / 135000 x 10000
        // = 21.851852 (the mean of the rates would be 485 / 23 = 21.09)
        assertThat(d(first.get("city_value_built"))).isCloseTo(21.851852, within(1e-6));
        assertThat(first).containsEntry("towns_in_city_value", 23).containsEntry("towns_expected", 23);
        // the bureau's own city value (27.0) wins; the difference is reported
        assertThat(d(first.get("city_value"))).isEqualTo(27.0);
        assertThat(d(first.get("reported_minus_built"))).isCloseTo(5.148148, within(1e-6));
        assertThat(d(first.get("gap_to_city"))).isCloseTo(3.0, within(1e-9));
        // CV: mean 485/23 = 21.086957; population variance (2 x 79.4423 + 15.3119 + 20 x 1.1815) / 23 = 8.6011,
        // sd 2.932769 -> 0.139080
        assertThat(d(first.get("town_cv"))).isCloseTo(0.139080, within(1e-6));
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
                .isEqualTo("请卫生健康局报送暨阳街道“每千人口拥有3岁以下婴幼儿托位数”2026年第三季度数据（尚无任何数据）");
        // data-quality results stored for the run
        assertThat(jdbc.queryForObject("SELECT count(*) FROM dq_check_result WHERE quarter_code = '2026Q3' AND status = 'fail'",
                Integer.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT count(DISTINCT check_name) FROM dq_check_result", Integer.class))
                .isEqualTo(DataQualityChecks.available().size());
    }

    @Test
    void staleAndTheChaseListFollowOneRule() throws Exception {
        // v2 §2: in 2023Q1 an annual indicator owes 2021 (y-2, before Q2 has closed), which precedes its first
        // year (2022): not stale, nothing owed for it yet
        evaluate("2023Q1");
        assertThat(row("2023Q1", "H10")).containsEntry("is_stale", false).containsEntry("light", "grey");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM mart_data_completeness m JOIN dim_indicator i USING (indicator_code) "
                + "WHERE m.quarter_code = '2023Q1' AND i.is_current AND i.frequency = 'annual'", Integer.class)).isZero();
        // 2025Q2: H10 owes 2024 and holds 2024 -> not stale, not on the list; 2025Q1 (owes 2023): a later value counts
        evaluate("2025Q1");
        assertThat(row("2025Q1", "H10")).containsEntry("expected_period", "2023").containsEntry("is_stale", false);
        assertThat(owed("2025Q1", "H10")).isEmpty();
        // 2026Q3: owes 2025, holds 2024 -> stale, and the chase list asks for 2025 (latest 2024)
        evaluate("2026Q3");
        assertThat(row("2026Q3", "H10")).containsEntry("expected_period", "2025").containsEntry("is_stale", true);
        assertThat(owed("2026Q3", "H10")).containsExactly("2025<-2024");
        // every stale city-level indicator is on the list, every indicator on the list that is evaluated is stale
        // or missing
        assertThat(jdbc.queryForList("""
                SELECT indicator_code FROM mart_indicator_quarter m
                WHERE quarter_code = '2026Q3' AND is_stale
                  AND NOT EXISTS (SELECT 1 FROM mart_data_completeness d WHERE d.quarter_code = m.quarter_code
                                  AND d.indicator_code = m.indicator_code)""", String.class)).isEmpty();
        assertThat(jdbc.queryForList("""
                SELECT DISTINCT d.indicator_code FROM mart_data_completeness d
                JOIN mart_indicator_quarter m ON m.quarter_code = d.quarter_code AND m.indicator_code = d.indicator_code
                WHERE d.quarter_code = '2026Q3' AND NOT m.is_stale AND m.towns_expected IS NULL""", String.class)).isEmpty();
        // the run summary's "figures owed" (reviewJob without a period: as of the last quarter that has ended) is the
        // mart's count for the same quarter
        String lastEnded = Quarter.lastClosed(java.time.LocalDate.now()).code();
        evaluate(lastEnded, java.time.LocalDate.now().toString());
        jobs.setJob(reviewJob);
        JobExecution review = jobs.startJob(new JobParametersBuilder().addLong("run", System.nanoTime()).toJobParameters());
        assertThat(review.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        int owed = jdbc.queryForObject("SELECT count(*) FROM mart_data_completeness WHERE quarter_code = ?", Integer.class, lastEnded);
        assertThat(owed).isPositive();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM fct_rule_result WHERE outcome = 'missing' AND job_execution_id = ?",
                Integer.class, review.getId())).isEqualTo(owed);
        assertThat(review.getStepExecutions().stream().filter(e -> e.getStepName().equals("recordMissingFigures"))
                .findFirst().orElseThrow().getWriteCount()).isEqualTo(owed);
    }

    List<String> owed(String quarter, String indicator) {
        return jdbc.queryForList("SELECT expected_period || '<-' || coalesce(latest_period, '-') FROM mart_data_completeness "
                + "WHERE quarter_code = ? AND indicator_code = ?", String.class, quarter, indicator);
    }

    @Test
    void theYearUnderWayIsNotJudgedAsAYear() throws Exception {
        // v2 §4: on 2026-12-01 2026Q4 is under way: its rows are marked not closed, and no 2026 yearly evaluation
        evaluate("2026Q4");
        assertThat(jdbc.queryForList("SELECT DISTINCT is_closed FROM mart_indicator_quarter WHERE quarter_code = '2026Q4'",
                Boolean.class)).containsExactly(false);
        for (String mart : List.of("mart_domain_quarter", "mart_overall_quarter", "mart_town_comparison", "mart_bureau_quarter",
                "mart_data_completeness")) {
            assertThat(jdbc.queryForList("SELECT DISTINCT is_closed FROM " + mart + " WHERE quarter_code = '2026Q4'", Boolean.class))
                    .as(mart).containsExactly(false);
        }
        assertThat(jdbc.queryForList("SELECT DISTINCT is_closed FROM mart_issue WHERE as_of_quarter = '2026Q4'", Boolean.class))
                .doesNotContain(true);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM mart_annual_evaluation WHERE year = 2026", Integer.class)).isZero();
        assertThat(row("2026Q3", "H10")).containsEntry("is_closed", true);
        // a Q4 that has not closed writes no yearly evaluation (2023Q4 evaluated on 2023-12-15)
        evaluate("2023Q4", "2023-12-15");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM mart_annual_evaluation WHERE year = 2023", Integer.class)).isZero();
        // 2023: evaluated on 2024-01-15 (Q4 closed, annual values still missing, 2024Q2 not closed): provisional 初评
        evaluate("2023Q4", "2024-01-15");
        Map<String, Object> provisional = jdbc.queryForMap("SELECT * FROM mart_annual_evaluation WHERE year = 2023");
        assertThat(provisional).containsEntry("evaluation_status", "provisional").containsEntry("evaluation_status_zh", "初评");
        assertThat(d(provisional.get("annual_values_missing"))).isPositive();
        // on 2024-07-01 (2024Q2 closed): final 终评, and kept as it was made by every later run
        evaluate("2023Q4", "2024-07-01");
        Map<String, Object> fin = jdbc.queryForMap("SELECT * FROM mart_annual_evaluation WHERE year = 2023");
        assertThat(fin).containsEntry("evaluation_status", "final").containsEntry("evaluation_status_zh", "终评");
        evaluate("2023Q4", "2024-08-01");
        assertThat(jdbc.queryForMap("SELECT * FROM mart_annual_evaluation WHERE year = 2023")).isEqualTo(fin);
    }

    @Test
    void annualIndicatorsOpenIssuesByYear() throws Exception {
        // v2 §6: H04 yellow in 2024 (96 against 100) is shown in 2024Q4..2025Q3: a repeated value opens no issue
        // (v1 opened H04-2025Q1 on the second quarter showing it)
        evaluate("2025Q3");
        assertThat(row("2025Q3", "H04")).containsEntry("data_period", "2024").containsEntry("light", "yellow");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM mart_issue WHERE as_of_quarter = '2025Q3' AND indicator_code = 'H04'",
                Integer.class)).isZero();
        // 2025 yellow again (97 against 100), first shown in 2025Q4: the second yellow year in a row opens the issue
        evaluate("2025Q4");
        Map<String, Object> issue = jdbc.queryForMap("SELECT * FROM mart_issue WHERE as_of_quarter = '2025Q4' AND indicator_code = 'H04'");
        assertThat(issue).containsEntry("issue_id", "H04-2025Q4").containsEntry("opened_reason", "连续两年黄灯")
                .containsEntry("status", "open");
    }

    @Test
    void bureausAreExpectedByTheFrequencyOfTheirIndicators() throws Exception {
        // v2 §7: 教体局's indicators are all annual: expected once a year, in the next year's Q1 (configuration), where
        // its 2025 file counts (received 2026-04-08, deadline 2026-04-10: on time); no submission expected in 2026Q2
        evaluate("2026Q1");
        Map<String, Object> q1 = jdbc.queryForMap("SELECT * FROM mart_bureau_quarter WHERE quarter_code = '2026Q1' AND bureau_code = 'JT'");
        assertThat(q1).containsEntry("annual_only", true).containsEntry("submissions_expected", 1)
                .containsEntry("submissions_received", 1).containsEntry("submissions_on_time", 1)
                .containsEntry("submission_periods", "2025");
        evaluate("2026Q2");
        Map<String, Object> q2 = jdbc.queryForMap("SELECT * FROM mart_bureau_quarter WHERE quarter_code = '2026Q2' AND bureau_code = 'JT'");
        assertThat(q2).containsEntry("submissions_expected", 0).containsEntry("submissions_received", 0);
        // a bureau with quarterly indicators is expected every quarter
        assertThat(jdbc.queryForMap("SELECT * FROM mart_bureau_quarter WHERE quarter_code = '2026Q2' AND bureau_code = 'WJ'"))
                .containsEntry("annual_only", false).containsEntry("submissions_expected", 1);
    }

    @Test
    void aCityValueIsBuiltOnlyFromEveryTown() throws Exception {
        // v2 §5: H09 2026Q2 from 22 of 23 towns beside the bureau's city value 12: no built value, no difference,
        // 22 towns reported; the reported city value is judged
        evaluate("2026Q2");
        List<Map<String, Object>> towns = jdbc.queryForList(
                "SELECT * FROM mart_town_comparison WHERE quarter_code = '2026Q2' AND indicator_code = 'H09'");
        assertThat(towns).hasSize(22).allSatisfy(t -> assertThat(t).containsEntry("towns_in_city_value", 22)
                .containsEntry("towns_expected", 23).containsEntry("city_value_built", null).containsEntry("reported_minus_built", null));
        Map<String, Object> h09 = row("2026Q2", "H09");
        assertThat(h09).containsEntry("value_basis", "reported").containsEntry("towns_reported", 22).containsEntry("towns_expected", 23);
        assertThat(d(h09.get("value"))).isEqualTo(12.0);
        // 2026Q3 from all 23: built, and its trace lists the towns' facts
        evaluate("2026Q3");
        assertThat(row("2026Q3", "H09")).containsEntry("value_basis", "built").containsEntry("towns_reported", 23)
                .containsEntry("fact_source_kind", "built").containsEntry("fact_id", null);
        try (Connection c = warehouse.connect()) {
            String trace = Trace.trace(c, "H09", "2026Q3", null);
            assertThat(trace).contains("全市值由全部镇街按汇总规则计算（23 / 23 个镇街报送）", "暨阳街道：0.6，数据编号 ");
            assertThat(trace.lines().filter(l -> l.contains("部门报表 第 1 版")).count()).isEqualTo(23);
        }
    }
}
