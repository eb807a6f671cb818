package com.qiyouxiang.validation;

import static com.qiyouxiang.validation.RulesFixture.CITY;
import static com.qiyouxiang.validation.RulesFixture.HUANDONG;
import static com.qiyouxiang.validation.RulesFixture.JIYANG;
import static com.qiyouxiang.validation.RulesFixture.brief;
import static com.qiyouxiang.validation.RulesFixture.obs;
import static com.qiyouxiang.validation.RulesFixture.row;
import static com.qiyouxiang.validation.RulesFixture.sheet;
import static com.qiyouxiang.validation.RulesFixture.total;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** A rule's tier overridden per bureau or indicator, the most specific override winning, and what the tier changes. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TierOverrideTest {

    static final String CATALOGUE = """
            rules:
              - id: R-YOY
                version: 2
                kind: change
                tier: 核实性
                params: { compare-to: same-period-last-year, threshold: 0.10 }
                message: "{indicator} 同比 {change}"
                message-not-comparable: "不可比"
            overrides:
              - rule: R-YOY
                bureaus: [RS]
                tier: 提示性
              - rule: R-YOY
                indicators: [H14]
                tier: 强制性
              - rule: R-YOY
                indicators: [H02]
                bureaus: [WJ]
                tier: 提示性
              - rule: R-YOY
                indicators: [H02]
                tier: 强制性
            """;

    RulesFixture fx;

    @BeforeAll
    void open() throws Exception {
        fx = RulesFixture.open();
    }

    @AfterAll
    void close() throws Exception {
        fx.close();
    }

    @BeforeEach
    void reset() throws Exception {
        fx.reset();
    }

    @Test
    void theMostSpecificOverrideWins() throws Exception {
        Path dir = Files.createDirectories(fx.dir.resolve("rules-test"));
        RulesFixture.write(dir.resolve("rules.yml"), CATALOGUE);
        CatalogueValueRules rules = fx.rules(dir, true);
        fx.facts("spreadsheet", 1, "去年.xlsx", obs("H08", JIYANG, "2023Q2", 50), obs("H14", JIYANG, "2023Q2", 50),
                obs("H02", JIYANG, "2023Q2", 50), obs("H03", JIYANG, "2023Q2", 50));
        List<Finding> f = rules.check(fx.c, List.of(sheet(obs("H08", JIYANG, "2024Q2", 60)),
                sheet(obs("H14", JIYANG, "2024Q2", 60)), sheet(obs("H02", JIYANG, "2024Q2", 60)),
                sheet(obs("H03", JIYANG, "2024Q2", 60))));
        // H08 of 人社局: the bureau's override; H14 of 人社局: the indicator's beats the bureau's;
        // H02 of 卫健局: indicator and bureau together beat the indicator alone; H03: the rule's own tier
        assertThat(brief(f)).containsExactly("R-YOY 提示性", "R-YOY 强制性", "R-YOY 提示性", "R-YOY 核实性");
        assertThat(f).allMatch(x -> x.ruleVersion() == 2);
        assertThat(f.get(0).messageZh()).isEqualTo("欠薪线索动态化解率 同比 +20%");
    }

    @Test
    void shippedOverridesForStatisticsBureauTotalsAndTheObservationIndicator() throws Exception {
        CatalogueValueRules rules = fx.rules();
        List<Finding> totals = rules.check(fx.c, List.of(sheet(obs("C01", JIYANG, "2024", 100)),
                sheet(obs("C01", HUANDONG, "2024", 200)), total(obs("C01", CITY, "2024", 310))));
        assertThat(brief(totals)).containsExactly("R-TOTAL-SUM 强制性");
        fx.facts("spreadsheet", 1, "人社局.xlsx", obs("H07", CITY, "2024Q1", 2.0));
        assertThat(brief(rules.check(fx.c, List.of(sheet(obs("H07", CITY, "2024Q2", 3.0))))))
                .containsExactly("R-CHANGE-QOQ 提示性");
    }

    @Test
    void aMandatoryOverrideRejectsTheFigureSoItGetsNoReviewState() throws Exception {
        Path dir = Files.createDirectories(fx.dir.resolve("rules-test2"));
        RulesFixture.write(dir.resolve("rules.yml"), CATALOGUE);
        CatalogueValueRules rules = fx.rules(dir, true);
        fx.facts("spreadsheet", 1, "去年.xlsx", obs("H14", JIYANG, "2023Q2", 50), obs("H03", JIYANG, "2023Q2", 50));
        fx.ingest(rules, 200, "报表200.xlsx", List.of(row(200, obs("H14", JIYANG, "2024Q2", 60), null),
                row(200, obs("H03", JIYANG, "2024Q2", 60), null)));
        assertThat(fx.jdbc.queryForList("""
                SELECT indicator_code || ' ' || tier || ' ' || coalesce(review_state, '-') FROM fct_rule_result ORDER BY 1""",
                String.class)).containsExactly("H03 核实性 待核实", "H14 强制性 -");
        assertThat(fx.jdbc.queryForList("""
                SELECT indicator_code || ' ' || coalesce(review_state, '-') FROM fct_indicator_value
                WHERE period_code = '2024Q2' ORDER BY 1""", String.class)).containsExactly("H03 待核实");
    }

    @Test
    void aMistakeInTheCatalogueNamesTheFileAndRule() throws Exception {
        Path dir = Files.createDirectories(fx.dir.resolve("rules-bad"));
        RulesFixture.write(dir.resolve("bad.yml"), """
                rules:
                  - id: R-X
                    kind: sum-of-squares
                    tier: 核实性
                    message: x
                """);
        assertThatThrownBy(() -> RuleCatalogue.load(dir)).hasMessageContaining("bad.yml rule R-X: unknown kind 'sum-of-squares'");
        RulesFixture.write(dir.resolve("bad.yml"), """
                rules:
                  - id: R-X
                    kind: range
                    tier: 严重
                    params: { min: 0 }
                    message: x
                """);
        assertThatThrownBy(() -> RuleCatalogue.load(dir)).hasMessageContaining("Unknown tier '严重'");
    }
}
