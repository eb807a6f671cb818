package com.qiyouxiang.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

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
import com.qiyouxiang.evaluation.ReferenceEvaluation.Form;
import com.qiyouxiang.evaluation.ReferenceEvaluation.Indicator;
import com.qiyouxiang.evaluation.ReferenceEvaluation.Issue;
import com.qiyouxiang.evaluation.ReferenceEvaluation.Row;
import com.qiyouxiang.evaluation.ReferenceEvaluation.Target;
import com.qiyouxiang.warehouse.FactWriter;
import com.qiyouxiang.warehouse.Observation;
import com.qiyouxiang.warehouse.Warehouse;

/**
 * The independent check: random indicator histories (seeded) — targets of every form (climbing plain
 * values, held levels, relaxed targets, bounds, '/' years), both directions, annual and quarterly,
 * revisions, missing quarters, values on and around their schedule targets and the yellow band's edge —
 * written to a real warehouse as synthetic city-level indicators, evaluated by evaluationJob for every
 * quarter 2023Q1-2026Q3, and compared row by row with {@link ReferenceEvaluation}, written from
 * docs/evaluation-method.md alone.
 */
class EvaluationPropertyTest extends WarehouseJobTest {

    static final long SEED = 20261201L;
    static final int HISTORIES = 300;
    static final String LAST = "2026Q3";

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

    @Test
    void theMartsAgreeWithTheReferenceOnRandomHistories() throws Exception {
        jobs.setJob(referenceJob);
        assertThat(jobs.startJob(new JobParametersBuilder().addLong("run", System.nanoTime()).toJobParameters())
                .getStatus()).isEqualTo(BatchStatus.COMPLETED);
        JdbcTemplate jdbc = warehouse.jdbc();
        List<String> domains = jdbc.queryForList("SELECT domain_code FROM dim_domain ORDER BY 1", String.class);
        Random random = new Random(SEED);
        List<Indicator> indicators = new ArrayList<>();
        List<Observation> first = new ArrayList<>();
        List<Observation> revised = new ArrayList<>();
        for (int n = 0; n < HISTORIES; n++) {
            indicators.add(history(random, "X%03d".formatted(n), domains.get(random.nextInt(domains.size())), first, revised));
        }
        try (Connection c = warehouse.connect()) {
            c.createStatement().execute("DELETE FROM fct_indicator_value");
            try (PreparedStatement dim = c.prepareStatement("""
                    INSERT INTO dim_indicator (indicator_code, indicator_name, unit, domain_code, bureau_code, kind, seq_no, plan_mark,
                                               is_core, is_observation, direction, frequency, aggregation, valid_from_year)
                    VALUES (?, ?, '%', ?, 'WJ', 'headline', NULL, NULL, ?, ?, ?, ?, 'city_only', 2022)""");
                 PreparedStatement target = c.prepareStatement("""
                         INSERT INTO fct_indicator_target VALUES (?, ?, ?, ?, ?, ?, ?, 'plan_table')""")) {
                for (Indicator i : indicators) {
                    dim.setString(1, i.code());
                    dim.setString(2, "随机指标" + i.code());
                    dim.setString(3, i.domain());
                    dim.setBoolean(4, i.core());
                    dim.setBoolean(5, i.observation());
                    dim.setString(6, i.higher() ? "higher" : "lower");
                    dim.setString(7, i.annual() ? "annual" : "quarterly");
                    dim.addBatch();
                    for (int year = 2023; year <= 2027; year++) {
                        Target t = i.targets().get(year);
                        target.setString(1, i.code());
                        target.setInt(2, year);
                        target.setString(3, t.text(i.higher()));
                        target.setString(4, switch (t.form()) {
                            case PLAIN -> i.higher() ? ">=" : "<=";
                            case BOUND -> i.higher() ? ">" : "<";
                            case NONE -> null;
                        });
                        target.setBigDecimal(5, t.value());
                        target.setString(6, i.baseline() == null ? "/" : i.baseline().toPlainString());
                        target.setBigDecimal(7, i.baseline());
                        target.addBatch();
                    }
                }
                dim.executeBatch();
                target.executeBatch();
            }
            FactWriter.write(c, first, "spreadsheet", null, null, "random-1", null);
            FactWriter.write(c, revised, "spreadsheet", null, null, "random-2", null);
        }
        jobs.setJob(evaluationJob);
        JobExecution run = jobs.startJob(new JobParametersBuilder().addString("from", "2023Q1").addString("quarter", LAST)
                .addString("today", "2026-12-01").addLong("run", System.nanoTime()).toJobParameters());
        assertThat(run.getStatus()).as(run.getAllFailureExceptions().toString()).isEqualTo(BatchStatus.COMPLETED);

        Map<String, Map<String, Object>> mart = new HashMap<>();
        for (Map<String, Object> r : jdbc.queryForList("SELECT * FROM mart_indicator_quarter WHERE indicator_code LIKE 'X%'")) {
            mart.put(r.get("indicator_code") + " " + r.get("quarter_code"), r);
        }
        int last = ReferenceEvaluation.index(2026, 3);
        List<String> disagreements = new ArrayList<>();
        Map<String, List<BigDecimal>> domainScores = new LinkedHashMap<>();
        Map<String, List<Boolean>> domainCore = new LinkedHashMap<>();
        int rows = 0;
        for (Indicator i : indicators) {
            List<Row> expected = ReferenceEvaluation.evaluate(i, last);
            for (Row e : expected) {
                Map<String, Object> actual = mart.get(i.code() + " " + e.quarter());
                rows++;
                String where = i.code() + " " + e.quarter() + " " + describe(i);
                if (actual == null) {
                    disagreements.add(where + ": no mart row");
                    continue;
                }
                compare(disagreements, where, "data_period", e.dataPeriod(), actual.get("data_period"));
                compare(disagreements, where, "light", e.light(), actual.get("light"));
                compare(disagreements, where, "is_stale", e.stale(), actual.get("is_stale"));
                compareNumber(disagreements, where, "schedule_target", e.scheduleTarget(), actual.get("schedule_target"), 6);
                compareNumber(disagreements, where, "score", e.score(), actual.get("score"), 2);
                String key = e.quarter() + " " + i.domain();
                domainScores.computeIfAbsent(key, k -> new ArrayList<>()).add(e.score());
                domainCore.computeIfAbsent(key, k -> new ArrayList<>()).add(i.core());
            }
            List<Issue> issues = ReferenceEvaluation.issues(i, expected);
            List<String> expectedIssues = issues.stream()
                    .map(x -> x.id() + " " + x.status() + " " + x.closedQuarter() + " " + x.quartersOpen()).toList();
            List<String> actualIssues = jdbc.queryForList("""
                    SELECT issue_id || ' ' || status || ' ' || coalesce(closed_quarter, 'null') || ' ' || quarters_open
                    FROM mart_issue WHERE as_of_quarter = ? AND indicator_code = ? ORDER BY opened_quarter""",
                    String.class, LAST, i.code());
            if (!actualIssues.equals(expectedIssues)) {
                disagreements.add(i.code() + " " + describe(i) + " issues: expected " + expectedIssues + " but the mart has " + actualIssues);
            }
        }
        for (Map.Entry<String, List<BigDecimal>> d : domainScores.entrySet()) {
            String[] key = d.getKey().split(" ");
            BigDecimal expected = ReferenceEvaluation.domainScore(d.getValue(), domainCore.get(d.getKey()));
            List<Double> actual = jdbc.queryForList("SELECT domain_score FROM mart_domain_quarter WHERE quarter_code = ? AND domain_code = ?",
                    Double.class, key[0], key[1]);
            compareNumber(disagreements, d.getKey(), "domain_score", expected, actual.isEmpty() ? null : actual.get(0), 2);
        }
        assertThat(rows).isEqualTo(HISTORIES * 15);
        assertThat(disagreements).as("disagreements between the marts and the reference (first 20)")
                .hasSizeLessThanOrEqualTo(0).isEmpty();
        // the histories cover what they are meant to
        assertThat(jdbc.queryForList("SELECT DISTINCT light FROM mart_indicator_quarter WHERE indicator_code LIKE 'X%' ORDER BY 1",
                String.class)).containsExactly("green", "grey", "red", "yellow");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM fct_indicator_value WHERE revision > 1 AND is_current", Integer.class))
                .isGreaterThan(50);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM mart_issue WHERE as_of_quarter = ? AND indicator_code LIKE 'X%'",
                Integer.class, LAST)).isGreaterThan(50);
    }

    static String describe(Indicator i) {
        StringBuilder b = new StringBuilder("[").append(i.higher() ? "higher" : "lower").append(i.annual() ? " annual" : " quarterly");
        b.append(" B=").append(i.baseline());
        i.targets().forEach((y, t) -> b.append(' ').append(y).append('=').append(t.text(i.higher())));
        b.append(" values=").append(i.values()).append(']');
        return b.toString();
    }

    static void compare(List<String> out, String where, String column, Object expected, Object actual) {
        if (!java.util.Objects.equals(expected, actual)) {
            out.add(where + ": " + column + " expected " + expected + " but the mart has " + actual);
        }
    }

    static void compareNumber(List<String> out, String where, String column, BigDecimal expected, Object actual, int scale) {
        BigDecimal a = actual == null ? null : new BigDecimal(actual.toString()).setScale(scale, RoundingMode.HALF_UP);
        BigDecimal e = expected == null ? null : expected.setScale(scale, RoundingMode.HALF_UP);
        if (a == null ? e != null : e == null || a.compareTo(e) != 0) {
            out.add(where + ": " + column + " expected " + e + " but the mart has " + a);
        }
    }

    /** One random history: its definition, targets and values (first reports, and some revisions). */
    static Indicator history(Random r, String code, String domain, List<Observation> first, List<Observation> revised) {
        boolean higher = r.nextInt(4) != 0;
        boolean annual = r.nextInt(3) == 0;
        boolean core = r.nextInt(4) == 0;
        boolean observation = r.nextInt(15) == 0;
        BigDecimal base = BigDecimal.valueOf(20 + r.nextInt(80));
        BigDecimal baseline = r.nextInt(8) == 0 ? null : base;
        Map<Integer, Target> targets = new LinkedHashMap<>();
        BigDecimal level = base;
        for (int year = 2023; year <= 2027; year++) {
            int kind = r.nextInt(10);
            BigDecimal step = BigDecimal.valueOf(r.nextInt(9) + 1).movePointLeft(1); // 0.1 .. 0.9, climbing
            Target t;
            if (kind < 5) { // climbing plain target
                level = higher ? level.add(step) : level.subtract(step);
                t = new Target(Form.PLAIN, level);
            } else if (kind < 7) { // held level
                t = new Target(Form.PLAIN, level);
            } else if (kind == 7) { // relaxed
                level = higher ? level.subtract(step) : level.add(step);
                t = new Target(Form.PLAIN, level);
            } else if (kind == 8) { // bound
                t = new Target(Form.BOUND, level);
            } else {
                t = new Target(Form.NONE, null);
            }
            targets.put(year, t);
        }
        Indicator shape = new Indicator(code, domain, higher, annual, core, observation, baseline, targets, Map.of());
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        List<String> periods = new ArrayList<>();
        if (annual) {
            for (int year = 2022; year <= 2026; year++) {
                periods.add(String.valueOf(year));
            }
        } else {
            for (int k = ReferenceEvaluation.index(2023, 1); k <= ReferenceEvaluation.index(2026, 3); k++) {
                periods.add(ReferenceEvaluation.quarterCode(k));
            }
        }
        for (String period : periods) {
            if (r.nextInt(6) == 0) {
                continue; // a missing period
            }
            BigDecimal value = value(r, shape, period, base);
            first.add(Observation.of(code, "330681", period, value.doubleValue()));
            if (r.nextInt(5) == 0) { // a revision: the corrected figure is the current one
                value = value(r, shape, period, base);
                revised.add(Observation.of(code, "330681", period, value.doubleValue()));
            }
            values.put(period, value);
        }
        return new Indicator(code, domain, higher, annual, core, observation, baseline, targets, values);
    }

    /** A value on, near or around the period's schedule target: exactly on it, on the band's edge, inside, beyond. */
    static BigDecimal value(Random r, Indicator shape, String period, BigDecimal base) {
        int year = Integer.parseInt(period.substring(0, 4));
        int q = period.length() == 4 ? 4 : period.charAt(5) - '0';
        BigDecimal e = year >= 2023 ? ReferenceEvaluation.scheduleTarget(shape, year, q) : null;
        BigDecimal anchor = e == null ? base : e;
        String[] shifts = {"0", "0", "-0.05", "0.05", "-0.03", "-0.08", "0.02", "-0.049", "-0.051", "0.1", "-0.2"};
        BigDecimal shift = new BigDecimal(shifts[r.nextInt(shifts.length)]);
        BigDecimal factor = shape.higher() ? BigDecimal.ONE.add(shift) : BigDecimal.ONE.subtract(shift);
        return anchor.multiply(factor).setScale(6, RoundingMode.HALF_UP);
    }
}
