package com.qiyouxiang.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every file under docs/reference/ is exactly what its generator writes from the code and configuration today. */
class ReferenceDocsTest {

    private static Map<Path, String> generated;

    @BeforeAll
    static void generate() throws Exception {
        generated = ReferenceDocs.generate();
    }

    @Test
    void committedReferencesMatchTheirSources() throws Exception {
        assertThat(generated.keySet()).extracting(Path::toString).containsExactly("docs/reference/rules-catalogue.md",
                "docs/reference/template-options.md", "docs/reference/configuration.md", "docs/reference/data-dictionary.md");
        for (var e : generated.entrySet()) {
            assertThat(e.getKey()).as("%s is missing: run %s and commit it", e.getKey(), ReferenceDocs.COMMAND).exists();
            assertThat(Files.readString(e.getKey(), StandardCharsets.UTF_8))
                    .as("%s is out of date with the code and configuration: run %s and commit it", e.getKey(), ReferenceDocs.COMMAND)
                    .isEqualTo(e.getValue());
        }
    }

    @Test
    void theReferencesCoverWhatTheyClaim() {
        assertThat(generated.get(TemplateOptionsDoc.OUTPUT))
                .contains("| `header-rows` | integer | `1` | `1` |")
                .contains("| `header-marker` | text | — | (required) |");
        assertThat(generated.get(ConfigurationDoc.OUTPUT))
                .contains("| `qyx.inbox-dir` | `QYX_INBOXDIR` |")
                .contains("| `qyx.duckdb.memory-limit` | `QYX_DUCKDB_MEMORYLIMIT` | `1GB` |")
                .contains("| `qyx.platform.hash-key` | `QYX_PLATFORM_HASHKEY` | (none) |");
        assertThat(generated.get(DataDictionaryDoc.OUTPUT))
                .contains("## fct_indicator_value", "## mart_indicator_quarter", "## dq_check_result")
                .doesNotContain("（无注释）");
        assertThat(ConfigurationDoc.environmentName("qyx.nightly.evaluate-from")).isEqualTo("QYX_NIGHTLY_EVALUATEFROM");
    }
}
