package com.qiyouxiang.validation;

import static com.qiyouxiang.validation.RulesFixture.CITY;
import static com.qiyouxiang.validation.RulesFixture.HUANDONG;
import static com.qiyouxiang.validation.RulesFixture.JIYANG;
import static com.qiyouxiang.validation.RulesFixture.obs;
import static com.qiyouxiang.validation.RulesFixture.rate;
import static com.qiyouxiang.validation.RulesFixture.row;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The same files against the same warehouse give the same findings, results and review states. */
class RerunTest {

    static List<Candidate> secondQuarter() {
        return List.of(
                row(202, obs("H14", JIYANG, "2024Q2", 150), "新增企业集中参保"),
                row(202, obs("H14", HUANDONG, "2024Q2", -3), null),
                RulesFixture.candidate(obs("H14", CITY, "2024Q2", 200), "spreadsheet", 202, null, true),
                row(202, rate("H08", JIYANG, "2024Q2", 90, 9, 10), null),
                row(202, obs("H14", JIYANG, "2024Q1", 101), null));
    }

    static List<String> run(RulesFixture fx) throws Exception {
        CatalogueValueRules rules = fx.rules();
        fx.ingest(rules, 201, "人社局2024Q1.xlsx", List.of(row(201, obs("H14", JIYANG, "2024Q1", 100), null),
                row(201, obs("H14", HUANDONG, "2024Q1", 100), null), row(201, rate("H08", JIYANG, "2024Q1", 50, 5, 10), null)));
        List<Finding> once = rules.check(fx.c, secondQuarter());
        List<Finding> twice = rules.check(fx.c, secondQuarter());
        assertThat(twice).isEqualTo(once);
        fx.ingest(rules, 202, "人社局2024Q2.xlsx", secondQuarter());
        Path file = RulesFixture.write(fx.dir.resolve("情况说明/说明.csv"), "指标,镇街,期别,情况说明\nH08,暨阳,2024Q2,欠薪专项行动\n");
        Explanations.load(fx.c, file, rules.catalogue(), 3L);
        List<String> rows = fx.jdbc.queryForList("""
                SELECT concat_ws(' | ', rule_id, rule_version, tier, outcome, reason_code, indicator_code, town_code, period_code,
                       file_id, location, value, compared_value, compared_with, message_zh, review_state, explanation,
                       explanation_source, job_execution_id)
                FROM fct_rule_result ORDER BY ALL""", String.class);
        rows.addAll(fx.jdbc.queryForList("""
                SELECT concat_ws(' | ', indicator_code, town_code, period_code, value, revision, is_current, review_state,
                       review_note, review_source)
                FROM fct_indicator_value ORDER BY ALL""", String.class));
        return rows;
    }

    @Test
    void sameFilesSameResults() throws Exception {
        List<String> first;
        List<String> second;
        try (RulesFixture fx = RulesFixture.open()) {
            first = run(fx);
        }
        try (RulesFixture fx = RulesFixture.open()) {
            second = run(fx);
        }
        assertThat(second).isEqualTo(first);
        // every tier and both review states occur, so the comparison covers them
        assertThat(String.join("\n", first)).contains("R-SIGN | 1 | 强制性", "R-TOTAL-SUM | 1 | 核实性", "R-REREPORT | 1 | 核实性",
                "| 已说明 | 新增企业集中参保", "| 已说明 | 欠薪专项行动", "| 待核实");
    }
}
