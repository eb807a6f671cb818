package com.qiyouxiang.validation;

import static com.qiyouxiang.validation.RulesFixture.CITY;
import static com.qiyouxiang.validation.RulesFixture.HUANDONG;
import static com.qiyouxiang.validation.RulesFixture.JIYANG;
import static com.qiyouxiang.validation.RulesFixture.brief;
import static com.qiyouxiang.validation.RulesFixture.candidate;
import static com.qiyouxiang.validation.RulesFixture.obs;
import static com.qiyouxiang.validation.RulesFixture.rate;
import static com.qiyouxiang.validation.RulesFixture.sheet;
import static com.qiyouxiang.validation.RulesFixture.total;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.qiyouxiang.warehouse.Observation;

/**
 * Each rule kind of the shipped catalogue (jobs/rules) on hand-made figures against a real DuckDB
 * warehouse: the failing case, the tolerance or threshold edge that passes, and "not comparable".
 * Indicators: H02 普惠托位占比 (%, ratio, WJ), H09 职业技能培训累计数 (cumulative, RS), H14 基本养老保险参保人数
 * (sum, RS), C01 常住人口 (sum, annual, TJ).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RuleKindsTest {

    RulesFixture fx;
    CatalogueValueRules rules;

    @BeforeAll
    void open() throws Exception {
        fx = RulesFixture.open();
        rules = fx.rules();
    }

    @AfterAll
    void close() throws Exception {
        fx.close();
    }

    @BeforeEach
    void reset() throws Exception {
        fx.reset();
    }

    List<Finding> check(Candidate... candidates) throws Exception {
        return rules.check(fx.c, List.of(candidates));
    }

    @Test
    void percentageWithin0To100AndNoNegativeFigures() throws Exception {
        List<Finding> f = check(sheet(obs("H02", JIYANG, "2024Q2", 100)), sheet(obs("H02", JIYANG, "2024Q3", 100.01)),
                sheet(obs("H14", JIYANG, "2024Q2", 0)), sheet(obs("H14", HUANDONG, "2024Q2", -1)));
        assertThat(brief(f)).containsExactly("R-RANGE-PCT 强制性", "R-SIGN 强制性");
        assertThat(f.get(0).messageZh()).isEqualTo("普惠托位占比（暨阳街道，2024年第三季度）：百分比应在 0 到 100 之间，实际为 100.01");
        assertThat(f.get(1).candidate().observation().townCode()).isEqualTo(HUANDONG);
        assertThat(f.get(0).reasonCode()).isEqualTo("OUT_OF_RANGE");
        assertThat(f.get(1).reasonCode()).isEqualTo("NEGATIVE");
    }

    @Test
    void numeratorNotAboveDenominator() throws Exception {
        List<Finding> f = check(sheet(rate("H02", JIYANG, "2024Q2", 100, 60, 60)),
                sheet(rate("H02", HUANDONG, "2024Q2", 50, 61, 60)),
                sheet(rate("H02", "330681003", "2024Q2", 50, 1, 0)));
        assertThat(brief(f)).containsExactly("R-NUM-DEN 强制性", "R-NUM-DEN 强制性");
        assertThat(f.get(0).messageZh()).contains("分子 61 应不大于分母 60");
        assertThat(f.get(1).reasonCode()).isEqualTo("DENOMINATOR_NOT_POSITIVE");
    }

    @Test
    void additiveTotalEqualsSumOfTownsWithinTolerance() throws Exception {
        Candidate a = sheet(obs("H14", JIYANG, "2024Q2", 10));
        Candidate b = sheet(obs("H14", HUANDONG, "2024Q2", 20));
        assertThat(check(a, b, total(obs("H14", CITY, "2024Q2", 30.5)))).isEmpty();
        List<Finding> f = check(a, b, total(obs("H14", CITY, "2024Q2", 30.6)));
        assertThat(brief(f)).containsExactly("R-TOTAL-SUM 核实性");
        assertThat(f.get(0).comparedValue()).isEqualTo(30.0);
        assertThat(f.get(0).messageZh()).isEqualTo(
                "基本养老保险参保人数（2024年第二季度）合计/全市数 30.6 与 2 个镇街之和 30 相差 0.6，超过允许误差 ±0.5 或 ±0.1%，请核实");
        // the relative tolerance (0.1 %) is the wider one for large figures: 1001 against 1000 passes
        assertThat(check(sheet(obs("H14", JIYANG, "2024Q2", 600)), sheet(obs("H14", HUANDONG, "2024Q2", 400)),
                total(obs("H14", CITY, "2024Q2", 1001)))).isEmpty();
    }

    @Test
    void rateTotalEqualsRateRecomputedFromSummedNumeratorsAndDenominators() throws Exception {
        Candidate a = sheet(rate("H02", JIYANG, "2024Q2", 60, 60, 100));
        Candidate b = sheet(rate("H02", HUANDONG, "2024Q2", 60, 30, 50));
        // 90 / 150 × 100 = 60; the plain mean of the towns' rates would be wrong for unequal towns
        assertThat(check(a, b, total(rate("H02", CITY, "2024Q2", 60.05, 90, 150)))).isEmpty();
        List<Finding> f = check(a, b, total(rate("H02", CITY, "2024Q2", 60.06, 90, 150)));
        assertThat(brief(f)).containsExactly("R-TOTAL-RATE 核实性");
        assertThat(f.get(0).messageZh()).contains("分子之和 90 ÷ 分母之和 150 重算的 60 相差 0.06，超过允许误差 ±0.05");
    }

    @Test
    void cumulativeFigureNotBelowAnEarlierQuarterOfTheSameYear() throws Exception {
        fx.facts("spreadsheet", 1, "人社局2024Q1.xlsx", obs("H09", JIYANG, "2024Q1", 3.5), obs("H09", JIYANG, "2023Q4", 9));
        List<Finding> f = check(sheet(obs("H09", JIYANG, "2024Q2", 3.0)));
        assertThat(brief(f)).containsExactly("R-CUM-MONOTONE 强制性");
        assertThat(f.get(0).messageZh()).isEqualTo(
                "开展职业技能培训累计数（暨阳街道）是累计指标，2024年第二季度 累计数 3 小于同年 2024年第一季度 的 3.5");
        // equal passes; a new year starts again (2024Q1 below 2023Q4 is fine)
        assertThat(check(sheet(obs("H09", JIYANG, "2024Q2", 3.5)))).isEmpty();
        assertThat(check(sheet(obs("H09", HUANDONG, "2024Q1", 1)))).isEmpty();
        // a task indicator the plan names 累计 (T17 城镇新增就业累计数) is cumulative too
        fx.facts("spreadsheet", 1, "人社局2024Q1.xlsx", obs("T17", CITY, "2024Q1", 1.2));
        assertThat(brief(check(sheet(obs("T17", CITY, "2024Q2", 1.1))))).containsExactly("R-CUM-MONOTONE 强制性");
        // an earlier quarter in the same file counts too
        assertThat(brief(check(sheet(obs("H09", HUANDONG, "2024Q1", 2)), sheet(obs("H09", HUANDONG, "2024Q2", 1.9)))))
                .containsExactly("R-CUM-MONOTONE 强制性");
        // the later of the file's and the warehouse's earlier quarters: 2024Q2 (5) from the warehouse beats the file's 2024Q1
        fx.facts("spreadsheet", 1, "人社局2024Q2.xlsx", obs("H09", "330681003", "2024Q2", 5));
        List<Finding> later = check(sheet(obs("H09", "330681003", "2024Q1", 1)), sheet(obs("H09", "330681003", "2024Q3", 4)));
        assertThat(brief(later)).containsExactly("R-CUM-MONOTONE 强制性");
        assertThat(later.get(0).comparedWith()).isEqualTo("2024年第二季度");
    }

    @Test
    void cumulativeIdentityNineMonthsEqualsHalfYearPlusThirdQuarter() throws Exception {
        Observation halfYear = obs("H09", JIYANG, "2024Q2", 3.5);
        Candidate ok = quarterly(obs("H09", JIYANG, "2024Q3", 5.0), 1.5);
        assertThat(check(sheet(halfYear), ok)).isEmpty();
        assertThat(check(sheet(halfYear), quarterly(obs("H09", JIYANG, "2024Q3", 5.005), 1.5))).isEmpty();
        List<Finding> f = check(sheet(halfYear), quarterly(obs("H09", JIYANG, "2024Q3", 5.1), 1.5));
        assertThat(brief(f)).containsExactly("R-CUM-IDENTITY 强制性");
        assertThat(f.get(0).messageZh()).isEqualTo(
                "开展职业技能培训累计数（暨阳街道，2024年第三季度）累计数 5.1 不等于 2024年第二季度累计 3.5 加本季 1.5（应为 5）");
        // the half-year figure from the warehouse when the file has none; Q1 must equal its own quarter
        fx.facts("spreadsheet", 1, "人社局2024Q2.xlsx", halfYear);
        assertThat(brief(check(quarterly(obs("H09", JIYANG, "2024Q3", 5.2), 1.5)))).containsExactly("R-CUM-IDENTITY 强制性");
        assertThat(brief(check(quarterly(obs("H09", HUANDONG, "2024Q1", 1.0), 1.2)))).containsExactly("R-CUM-IDENTITY 强制性");
    }

    @Test
    void changeAgainstPreviousQuarterAndSameQuarterLastYear() throws Exception {
        fx.facts("spreadsheet", 1, "人社局.xlsx", obs("H14", JIYANG, "2024Q1", 100), obs("H14", JIYANG, "2023Q2", 100));
        assertThat(check(sheet(obs("H14", JIYANG, "2024Q2", 130)))).isEmpty();
        assertThat(check(sheet(obs("H14", JIYANG, "2024Q2", 70)))).isEmpty();
        List<Finding> f = check(sheet(obs("H14", JIYANG, "2024Q2", 130.1)));
        assertThat(brief(f)).containsExactly("R-CHANGE-QOQ 核实性", "R-CHANGE-YOY 核实性");
        assertThat(f.get(0).messageZh()).isEqualTo(
                "基本养老保险参保人数（暨阳街道，2024年第二季度）为 130.1，比上季度（2024年第一季度）的 100 变动 +30.1%，超过 30%，请核实或填写情况说明");
        assertThat(brief(check(sheet(obs("H14", JIYANG, "2024Q2", 69.9)))))
                .containsExactly("R-CHANGE-QOQ 核实性", "R-CHANGE-YOY 核实性");
    }

    @Test
    void changeFromAZeroOrNegativeBaseIsNotComparable() throws Exception {
        fx.facts("spreadsheet", 1, "人社局.xlsx", obs("H14", JIYANG, "2024Q1", 0), obs("H14", JIYANG, "2023Q2", -5));
        List<Finding> f = check(sheet(obs("H14", JIYANG, "2024Q2", 50)));
        assertThat(brief(f)).containsExactly("R-CHANGE-QOQ 提示性 不可比", "R-CHANGE-YOY 提示性 不可比");
        assertThat(f.get(0).outcome()).isEqualTo(Outcome.NOT_COMPARABLE);
        assertThat(f.get(1).messageZh()).isEqualTo(
                "基本养老保险参保人数（暨阳街道，2024年第二季度）上年同期（2023年第二季度）为 -5，基数为零或负数，同比不可比");
    }

    @Test
    void changeUsesTheBaseInTheSameFileAndSkipsCumulativeQuarterOnQuarter() throws Exception {
        // a 上年同期 column in the file; no history in the warehouse
        assertThat(brief(check(sheet(obs("C01", JIYANG, "2023", 100_000)), sheet(obs("C01", JIYANG, "2024", 140_000)))))
                .containsExactly("R-CHANGE-YOY 核实性");
        // running totals (累计数) grow by design: no change checks, the cumulative rules guard them
        fx.facts("spreadsheet", 1, "人社局.xlsx", obs("H09", JIYANG, "2024Q1", 1), obs("H09", JIYANG, "2023Q2", 1));
        assertThat(check(sheet(obs("H09", JIYANG, "2024Q2", 3)))).isEmpty();
    }

    @Test
    void reReportedFigureDifferingFromTheOneLoadedBefore() throws Exception {
        fx.facts("spreadsheet", 1, "人社局2024Q1.xlsx", obs("H14", JIYANG, "2024Q1", 100));
        List<Finding> f = check(candidate(obs("H14", JIYANG, "2024Q1", 101), "spreadsheet", 2, null, false));
        assertThat(brief(f)).containsExactly("R-REREPORT 核实性");
        assertThat(f.get(0).messageZh()).isEqualTo(
                "基本养老保险参保人数（暨阳街道，2024年第一季度）本次报送 101，与此前已入库的 100（已入库，来自 人社局2024Q1.xlsx）不一致；如为数据修订，请在情况说明中写明原因");
        assertThat(check(candidate(obs("H14", JIYANG, "2024Q1", 100), "spreadsheet", 2, null, false))).isEmpty();
        // the file that loaded it, processed again, is not a re-report; another source is not compared
        assertThat(check(candidate(obs("H14", JIYANG, "2024Q1", 101), "spreadsheet", 1, null, false))).isEmpty();
        assertThat(check(candidate(obs("H14", JIYANG, "2024Q1", 101), "platform", 2, null, false))).isEmpty();
    }

    @Test
    void spreadsheetFigureAgainstTheFigureDerivedFromPlatformRecords() throws Exception {
        fx.facts("derived", 0, null, obs("H14", JIYANG, "2024Q2", 100));
        assertThat(check(sheet(obs("H14", JIYANG, "2024Q2", 105)))).isEmpty();
        assertThat(check(sheet(obs("H14", JIYANG, "2024Q2", 95)))).isEmpty();
        List<Finding> f = check(sheet(obs("H14", JIYANG, "2024Q2", 105.1)));
        assertThat(brief(f)).containsExactly("R-CROSS-SOURCE 核实性");
        assertThat(f.get(0).messageZh()).contains("报表数 105.1 与公共数据平台明细推算数 100 相差 5.1（+5.1%）");
        // platform exports are not compared with what is derived from them
        assertThat(check(candidate(obs("H14", JIYANG, "2024Q2", 120), "platform", 10, null, false))).isEmpty();
    }

    @Test
    void crossSourceDifferencesListedWhicheverArrivedFirst() throws Exception {
        fx.facts("spreadsheet", 1, "人社局.xlsx", obs("H14", JIYANG, "2024Q2", 105), obs("H14", HUANDONG, "2024Q2", 106));
        fx.facts("derived", 0, null, obs("H14", JIYANG, "2024Q2", 100), obs("H14", HUANDONG, "2024Q2", 100));
        java.util.Map<String, Object> tolerance = new java.util.HashMap<>();
        tolerance.put("absolute", null);
        tolerance.put("relative", 0.05);
        assertThat(fx.jdbc.queryForList(com.qiyouxiang.warehouse.SqlFiles.read("statements/validation/cross_source_differences.sql", tolerance)))
                .extracting(r -> r.get("town_code") + " " + r.get("reported_value") + " " + r.get("derived_value"))
                .containsExactly(HUANDONG + " 106.0 100.0");
    }

    @Test
    void missingFiguresPerBureauAndPeriodAreHints() throws Exception {
        RuleCatalogue catalogue = rules.catalogue();
        // 人社局's quarterly indicators: H07, T17, T19 (city only), H08, H09, H14 (by town: 23 each)
        List<RuleResult> all = MissingFigures.find(fx.c, catalogue, RulesFixture.REFERENCE, "RS", "2024Q2");
        assertThat(all.size()).isEqualTo(3 + 3 * 23);
        assertThat(all).allMatch(r -> r.tier() == Tier.HINT && r.ruleId().equals("R-MISSING"));
        List<Observation> h14 = fx.jdbc.queryForList("SELECT town_code FROM dim_town WHERE level = 'town'", String.class)
                .stream().map(t -> obs("H14", t, "2024Q2", 80)).toList();
        fx.facts("spreadsheet", 1, "人社局.xlsx", h14.toArray(Observation[]::new));
        fx.facts("spreadsheet", 1, "人社局.xlsx", obs("H07", CITY, "2024Q2", 2.1));
        List<RuleResult> left = MissingFigures.record(fx.c, catalogue, RulesFixture.REFERENCE, "RS", "2024Q2", 7L);
        assertThat(left.size()).isEqualTo(2 + 2 * 23);
        assertThat(left).noneMatch(r -> r.indicatorCode().equals("H14") || r.indicatorCode().equals("H07"));
        assertThat(left.get(0).messageZh()).isEqualTo("人力社保局 尚未报送 欠薪线索动态化解率（暨阳街道，2024年第二季度），请催报");
        assertThat(fx.jdbc.queryForObject("""
                SELECT count(*) FROM fct_rule_result WHERE rule_id = 'R-MISSING' AND tier = '提示性' AND outcome = 'missing'
                  AND job_execution_id = 7""", Integer.class)).isEqualTo(48);
        // annual: 统计局 owes C01–C03 by town for a year
        assertThat(MissingFigures.find(fx.c, catalogue, RulesFixture.REFERENCE, "TJ", "2024").size()).isEqualTo(3 * 23);
    }

    @Test
    void figuresTheRulesCannotJudgeAreLeftToTheIngest() throws Exception {
        // no value (an empty cell the ingest counts), a period code of another shape, an indicator not in the catalog
        assertThat(check(sheet(new Observation("H14", JIYANG, "2024Q2", null, null, null, "A")),
                sheet(obs("H14", JIYANG, "2024H1", -5)), sheet(obs("X99", JIYANG, "2024Q2", -5))))
                .extracting(Finding::ruleId).containsExactly("R-SIGN");
    }

    private static Candidate quarterly(Observation o, double quarterValue) {
        return new Candidate(o, new Candidate.Source("spreadsheet", "RS", 10L, "报表.xlsx"), "Sheet1", 7L, "Sheet1!D7", "",
                null, false, quarterValue);
    }
}
