package com.qiyouxiang.intake.spreadsheet;

import static com.qiyouxiang.intake.spreadsheet.ReaderFixtures.row;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * {@link IndicatorRowReader} on data rows of the indicator-rows layout, each record's outcome as a dry run sees it (real
 * reference, real rules, nothing written): the indicator by the mapping's names or the catalog's, the unit from the unit
 * column or the brackets after the name, a row without a name, a name the template does not list, no value, and an
 * annual indicator only in the quarter it is due.
 */
class IndicatorRowReaderTest extends ReaderTestBase {

    private ReaderFixtures.Outcomes read(SourceMapping mapping, String period, RawRow header, RawRow... rows) throws Exception {
        ReaderFixtures.Outcomes outcomes = new ReaderFixtures.Outcomes();
        try (Connection c = warehouse.connect()) {
            FileLoad load = new FileLoad(c, rules, 0, "test.xlsx", "RS", null, 100, outcomes);
            FileFacts facts = new FileFacts();
            facts.period = period;
            IndicatorRowReader reader = new IndicatorRowReader(new RowContext(mapping, reference, "完成情况", load, facts),
                    new HeaderResolver(mapping, reference, "完成情况").resolve(List.of(header)).columns());
            for (RawRow r : rows) {
                reader.read(r);
            }
            load.finish();
        }
        return outcomes;
    }

    @Test
    void eachRowOneCityFigure() throws Exception {
        ReaderFixtures.Outcomes o = read(ReaderFixtures.onboarding("rs-quarterly-report.yml"), "2025Q1",
                row(3, "序号", "指标", "计量单位", "目标值", "本期值", "备注"),
                row(4, 1, "城镇新增就业累计数", "人", 5, 12000, "含灵活就业"),
                row(5, 2, "劳动争议仲裁结案率（%）", null, 92, 95),
                row(6, 3, null, "%", null, 4),
                row(7, 4, "城镇调查失业率", "%", null, "/"),
                row(8, 5, "人均预期寿命", "岁", null, 80));
        assertThat(o.lines).containsExactly(
                "rejected 完成情况!A6 MISSING_INDICATOR 该行缺少指标名称，请填写指标名称或删除该行",
                "ignored 7 no_value",
                "rejected 完成情况!B8 UNKNOWN_INDICATOR 指标“人均预期寿命”不在模板“rs-quarterly-report”的指标清单中，请使用模板中的指标名称",
                "loaded T17 " + ReferenceData.CITY + " 2025Q1 1.2 at 完成情况!E4",
                "loaded T19 " + ReferenceData.CITY + " 2025Q1 95.0 at 完成情况!E5");
    }

    @Test
    void theIndicatorByTheMappingsNamesOrTheCatalogs() {
        SourceMapping mapping = ReaderFixtures.onboarding("rs-quarterly-report.yml");
        IndicatorRowReader reader = new IndicatorRowReader(new RowContext(mapping, reference, "完成情况", null, new FileFacts()),
                new HeaderResolver.Columns(1, 2, 4, -1, List.of()));
        assertThat(reader.indicatorCode("城镇新增就业人数")).as("the mapping's name").isEqualTo("T17");
        assertThat(reader.indicatorCode(reference.indicator("T17").name())).as("the catalog's name").isEqualTo("T17");
        assertThat(reader.indicatorCode("劳动争议仲裁 结案率（%）")).as("spaces and the unit dropped").isEqualTo("T19");
        assertThat(reader.indicatorCode(reference.indicator("T24").name())).as("not the template's").isNull();
    }

    @Test
    void anAnnualIndicatorOnlyInTheQuarterItIsDue() throws Exception {
        SourceMapping mapping = ReaderFixtures.installed("wj-indicators");
        RawRow header = row(3, "序号", "指标名称", "单位", "年度目标", "本期值", "备注");
        String name = reference.indicator("H10").name();
        assertThat(read(mapping, "2024Q2", header, row(4, 1, name, "岁", null, 80.1)).lines).containsExactly(
                "rejected 完成情况!E4 PERIOD_NOT_EXPECTED 年度指标“" + name + "”只在第四季度报表中填报，本期请填“/”");
        assertThat(read(mapping, "2024Q4", header, row(4, 1, name, "岁", null, 80.1)).lines).containsExactly(
                "loaded H10 " + ReferenceData.CITY + " 2024 80.1 at 完成情况!E4");
    }
}
