package com.qiyouxiang.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import org.junit.jupiter.api.Test;

/** docs/rules-catalogue.md is exactly what the configuration in jobs/rules generates. */
class RulesCatalogueDocTest {

    @Test
    void committedCatalogueMatchesTheConfiguration() throws Exception {
        String generated = RulesCatalogueDoc.render(RuleCatalogue.load(RulesFixture.RULES));
        String committed = Files.readString(RulesCatalogueDoc.DEFAULT_OUTPUT, StandardCharsets.UTF_8);
        assertThat(committed)
                .as("docs/rules-catalogue.md is out of date with jobs/rules: run jobs/run rules-catalogue and commit it")
                .isEqualTo(generated);
    }

    @Test
    void everyRuleKindIsConfiguredAtLeastOnce() {
        RuleCatalogue catalogue = RuleCatalogue.load(RulesFixture.RULES);
        assertThat(catalogue.rules()).extracting(Rule::kind).containsAll(RuleCatalogue.KINDS);
        assertThat(RulesCatalogueDoc.render(catalogue)).contains("| R-CHANGE-YOY | 1 | 核实性 | change |");
    }
}
