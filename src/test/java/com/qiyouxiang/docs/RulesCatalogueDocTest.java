package com.qiyouxiang.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import com.qiyouxiang.validation.Rule;
import com.qiyouxiang.validation.RuleCatalogue;

/** docs/reference/rules-catalogue.md is exactly what the configuration in jobs/rules generates. */
class RulesCatalogueDocTest {

    private static final Path RULES = Path.of("jobs/rules");

    @Test
    void committedCatalogueMatchesTheConfiguration() throws Exception {
        String generated = RulesCatalogueDoc.render(RuleCatalogue.load(RULES));
        String committed = Files.readString(RulesCatalogueDoc.DEFAULT_OUTPUT, StandardCharsets.UTF_8);
        assertThat(committed)
                .as("docs/reference/rules-catalogue.md is out of date with jobs/rules: run jobs/run reference-docs and commit it")
                .isEqualTo(generated);
    }

    @Test
    void everyRuleKindIsConfiguredAtLeastOnce() {
        RuleCatalogue catalogue = RuleCatalogue.load(RULES);
        assertThat(catalogue.rules()).extracting(Rule::kind).containsAll(RuleCatalogue.KINDS);
        assertThat(RulesCatalogueDoc.render(catalogue)).contains("| R-CHANGE-YOY | 1 | 核实性 | change |");
    }
}
