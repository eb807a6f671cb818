package com.qiyouxiang.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** jobs/run check-mappings: the installed mappings pass; a misspelled option fails (exit 2) with its file and line. */
class MappingsCheckTest {

    @Test
    void theInstalledMappingsPass() throws Exception {
        MappingsCheck.Result r = MappingsCheck.run(Path.of("jobs/sources/spreadsheets"), Path.of("jobs/sources/platform"),
                Path.of("samples/reference"), "七优享指标目录.xlsx", List.of(Path.of("samples/inbox")));
        assertThat(r.ok()).as(r.report()).isTrue();
        assertThat(r.report()).contains("12 spreadsheet templates").containsPattern("17 mapping files: 0 error\\(s\\), \\d+ warning");
    }

    @Test
    void aMisspelledOptionFails(@TempDir Path dir) throws Exception {
        for (Path f : Files.list(Path.of("jobs/sources/spreadsheets")).toList()) {
            Files.copy(f, dir.resolve(f.getFileName()));
        }
        Path rs = dir.resolve("rs-towns.yml");
        Files.writeString(rs, Files.readString(rs).replace("  header-rows: 2", "  header-row: 2"));
        MappingsCheck.Result r = MappingsCheck.run(dir, Path.of("jobs/sources/platform"), Path.of("samples/reference"),
                "七优享指标目录.xlsx", List.of());
        assertThat(r.ok()).isFalse();
        assertThat(r.report()).contains(rs + ":12: unknown option 'header-row' in 'options' (did you mean 'header-rows'?)")
                .contains("17 mapping files: 1 error(s), 0 warning(s)");
    }

    @Test
    void checkMappingsKnowsEveryPlatformOptionAndRefusesAMisspelledOne(@TempDir Path dir) throws Exception {
        assertThat(com.qiyouxiang.intake.spreadsheet.MappingCheck.PLATFORM_OPTIONS.keySet())
                .containsExactlyElementsOf(com.qiyouxiang.intake.platform.PlatformOption.keys());
        Path f = dir.resolve("platform-x.yml");
        java.nio.file.Files.writeString(f, "id: platform-x\ndataset: indicators\nfile-name: 'x.*'\noptions:\n  delimter: ';'\n"
                + "  header-row: two\ncolumns:\n  indicator_code: [a]\n  division_code: [b]\n  period: [c]\n  value: [d]\n");
        assertThat(com.qiyouxiang.intake.spreadsheet.MappingCheck.structure(f)).extracting(Object::toString).containsExactly(
                f + ":5: unknown option 'delimter' in 'options' (did you mean 'delimiter'?); known: "
                        + String.join(", ", com.qiyouxiang.intake.platform.PlatformOption.keys()),
                f + ":6: 'options.header-row' must be an integer, not 'two'");
    }

    @Test
    void aRecordLevelMappingWithAnOptionItsReaderWouldNotHonourIsRefused(@TempDir Path dir) throws Exception {
        Path platform = java.nio.file.Files.createDirectories(dir.resolve("platform"));
        String installed = java.nio.file.Files.readString(Path.of("jobs/sources/platform/platform-care-workers.yml"));
        java.nio.file.Files.writeString(platform.resolve("platform-care-workers.yml"), installed + "options:\n  header-row: 3\n");
        MappingsCheck.Result r = MappingsCheck.run(Path.of("jobs/sources/spreadsheets"), platform, Path.of("samples/reference"),
                "七优享指标目录.xlsx", java.util.List.of());
        assertThat(r.ok()).isFalse();
        assertThat(r.report()).contains("Option 'header-row' is for indicator exports only")
                .contains("platform-care-workers.yml").contains("header on line 1");
    }
}
