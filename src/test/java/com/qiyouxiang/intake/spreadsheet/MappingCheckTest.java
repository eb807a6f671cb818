package com.qiyouxiang.intake.spreadsheet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.qiyouxiang.catalog.CatalogIndex;

/** {@link MappingCheck}: keys, types and patterns with file and line; indicator codes and units against the catalog. */
class MappingCheckTest {

    private static final String GOOD = """
            id: zz-towns
            bureau: 卫健局
            layout: town-columns
            recognise:
              file-name: "测试.*分镇街"
            options:
              header-marker: 镇街
              header-rows: 2
            town-column: 镇街
            figures:
              - indicator: H01
                numerator: 托位数
                denominator: 常住人口
                scale: 1000
            """;

    @TempDir
    Path dir;

    @Test
    void theInstalledMappingsHaveNoError() throws Exception {
        List<MappingCheck.Problem> problems = new java.util.ArrayList<>(MappingCheck.folder(Path.of("jobs/sources/spreadsheets")));
        problems.addAll(MappingCheck.folder(Path.of("jobs/sources/platform")));
        CatalogIndex catalog = CatalogIndex.read(Path.of("samples/reference"), "七优享指标目录.xlsx");
        problems.addAll(MappingCheck.catalog(SourceMappings.load(Path.of("jobs/sources/spreadsheets")), code -> known(catalog, code)));
        assertThat(problems).filteredOn(MappingCheck.Problem::error).isEmpty();
        assertThat(catalog.indicator("H01").unit()).isEqualTo("个");
    }

    @Test
    void aMisspelledOptionIsRefusedWithItsLine() throws Exception {
        Path f = write("zz-towns.yml", GOOD.replace("  header-rows: 2", "  heder-rows: 2"));
        assertThat(MappingCheck.structure(f)).extracting(Object::toString).containsExactly(
                f + ":8: unknown option 'heder-rows' in 'options' (did you mean 'header-rows'?); known: "
                        + String.join(", ", TemplateOption.of(TemplateOption.Scope.SHEET).stream().map(TemplateOption::key).toList()));
        // the ingest loads no mapping from a folder with an error: the step fails naming file:line
        assertThatThrownBy(() -> SourceMappings.load(dir)).isInstanceOf(SourceMappings.InvalidMappingsException.class)
                .hasMessageContaining(f + ":8: unknown option 'heder-rows'");
    }

    @Test
    void aMisspelledKeyOfAFigureIsRefusedToo() throws Exception {
        Path f = write("zz-towns.yml", GOOD.replace("    scale: 1000", "    scael: 1000"));
        assertThat(MappingCheck.structure(f)).singleElement().hasToString(f + ":14: unknown key 'scael' in 'figures[1]'"
                + " (did you mean 'scale'?); known: indicator, column, numerator, denominator, quarter-column, period, unit, numerator-unit, denominator-unit, scale");
    }

    @Test
    void wrongTypesAreRefusedWithTheirLines() throws Exception {
        Path f = write("zz-towns.yml", GOOD.replace("header-rows: 2", "header-rows: two")
                .replace("    scale: 1000", "    scale: 千") + "  - indicator: H02\n    column: 托位\n    unit: [个]\n"
                + "indicator-column: 指标\n");
        assertThat(MappingCheck.structure(f)).extracting(Object::toString).containsExactly(
                f + ":8: 'options.header-rows' must be an integer, not 'two'",
                f + ":14: 'figures[1].scale' must be a number, not '千'",
                f + ":17: 'figures[2].unit' must be a single value, not a list");
        Path d = write("_defaults.yml", "options:\n  fill-down: 单位\n  annual-in-quarter: 2\n  skip-hidden-sheets: 是\n");
        assertThat(MappingCheck.structure(d)).extracting(Object::toString).containsExactly(
                d + ":2: 'options.fill-down' must be a list, e.g. [a, b]",
                d + ":3: 'options.annual-in-quarter': '2' is not one of [1, 4]".replace("[1, 4]", setOf("1", "4")),
                d + ":4: 'options.skip-hidden-sheets' must be true or false, not '是'");
    }

    @Test
    void anUnknownIndicatorCodeAndAUnitThatDoesNotConvert() throws Exception {
        Path f = write("zz-towns.yml", GOOD.replace("indicator: H01", "indicator: H99")
                + "  - indicator: H02\n    column: 普惠托位\n    unit: 户\n");
        CatalogIndex catalog = CatalogIndex.read(Path.of("samples/reference"), "七优享指标目录.xlsx");
        assertThat(MappingCheck.catalog(SourceMappings.load(dir), code -> known(catalog, code))).extracting(Object::toString)
                .containsExactly(
                        f + ":11: figure 1: indicator 'H99' is not in the catalog (add it to the catalog first, or correct the code)",
                        f + ":11: figure 2: unit '户' does not convert to H02 " + catalog.indicator("H02").name() + "'s unit '%'");
    }

    @Test
    void aFiguresPeriodIsOneOfItsValuesAndForAnnualIndicatorsOnly() throws Exception {
        Path f = write("zz-towns.yml", GOOD + "  - indicator: C01\n    column: 常住人口\n    period: yearly\n");
        assertThat(MappingCheck.structure(f)).extracting(Object::toString).containsExactly(
                f + ":17: 'figures[2].period': 'yearly' is not one of " + setOf("file", "year", "previous-year"));
        Files.writeString(f, GOOD + "  - indicator: C01\n    column: 常住人口\n    period: year\n"
                + "  - indicator: H02\n    column: 普惠托位\n    period: previous-year\n");
        CatalogIndex catalog = CatalogIndex.read(Path.of("samples/reference"), "七优享指标目录.xlsx");
        assertThat(MappingCheck.catalog(SourceMappings.load(dir), code -> known(catalog, code))).extracting(Object::toString)
                .containsExactly(f + ":11: figure 3: 'period: previous-year' is for annual indicators only; H02 "
                        + catalog.indicator("H02").name() + " is quarterly");
    }

    @Test
    void fileNamesMatchedByTwoMappingsAreReported() throws Exception {
        write("zz-towns.yml", GOOD);
        Path other = write("zz-other.yml", GOOD.replace("zz-towns", "zz-other").replace("测试.*分镇街", "测试"));
        assertThat(MappingCheck.overlaps(SourceMappings.load(dir), List.of("测试2025年分镇街.xlsx", "别的.xlsx")))
                .singleElement().satisfies(p -> {
                    assertThat(p.error()).isFalse();
                    assertThat(p.toString()).startsWith(dir.resolve("zz-towns.yml") + ":5: warning: recognise.file-name overlaps 'zz-other'");
                });
        assertThat(other).exists();
    }

    private static String setOf(String... values) {
        return java.util.Set.of(values).toString();
    }

    private static MappingCheck.CatalogIndicator known(CatalogIndex catalog, String code) {
        CatalogIndex.Indicator i = catalog.indicator(code);
        return i == null ? null : new MappingCheck.CatalogIndicator(i.code(), i.name(), i.unit(), i.annual());
    }

    private Path write(String name, String text) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, text, StandardCharsets.UTF_8);
        return f;
    }
}
