package com.qiyouxiang.intake.spreadsheet;

import static com.qiyouxiang.intake.spreadsheet.ReaderFixtures.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * {@link HeaderResolver} on header rows as a workbook delivers them: a two-row header merged across, the columns of each
 * rate found by upper/lower path, a rate's part that is a figure of its own, the lines the dry run prints, and a header
 * that lacks columns refused naming each one and the mapping key for the clerk. The indicators are the reference's.
 */
class HeaderResolverTest extends ReaderTestBase {

    /** The 卫健局 town header: 托位数 and 0-3岁儿童 merged across their two lower cells. */
    private static List<RawRow> wjHeader(String screened) {
        return List.of(row(3, "镇街", "常住人口（人）", "托位数（个）", null, "0-3岁儿童", null),
                row(4, null, null, "总数", "其中普惠", "儿童数（人）", screened));
    }

    @Test
    void aTwoRowHeaderMergedAcross() {
        HeaderResolver.Resolved r = new HeaderResolver(ReaderFixtures.installed("wj-towns"), reference, "分镇街")
                .resolve(wjHeader("筛查数（人）"));
        assertThat(r.columns().label()).isZero();
        assertThat(r.columns().figures()).extracting(f -> f.indicator().code() + " " + f.numerator() + "/" + f.denominator())
                .containsExactly("H01 2/1", "H02 3/2", "H03 5/4");
        assertThat(r.fillDown()).isEmpty();
        assertThat(r.lines()).first().isEqualTo("A 镇街 -> the town (town-column)");
        assertThat(r.lines()).as("the unit of the upper cell, merged across").contains("D 托位数/其中普惠 -> numerator of H02 "
                + reference.indicator("H02").name() + " (figures[2].numerator), unit 个");
        assertThat(r.lines()).anySatisfy(l -> assertThat(l).startsWith("E 0-3岁儿童/儿童数 -> denominator of H03")
                .endsWith("unit 人; the rate = numerator / denominator x 100.0 %"));
    }

    @Test
    void aRatePartThatIsAFigureOfItsOwn() {
        List<RawRow> header = List.of(row(2, "镇街", "60岁及以上老年人口（人）", "持证养老护理员数（人）"));
        HeaderResolver.Resolved r = new HeaderResolver(ReaderFixtures.onboarding("mz-care-quarterly.yml"), reference, "分镇街")
                .resolve(header);
        HeaderResolver.FigureColumns population = r.columns().figures().get(0);
        HeaderResolver.FigureColumns rate = r.columns().figures().get(1);
        assertThat(population.column()).isEqualTo(1);
        assertThat(population.columnUnit()).isEqualTo("人");
        assertThat(rate.numerator()).isEqualTo(2);
        assertThat(rate.numeratorOwn()).as("the numerator is no figure of the mapping").isFalse();
        assertThat(rate.denominatorOwn()).as("the denominator is C02's column").isTrue();
        assertThat(rate.denominatorTarget()).isEqualTo(reference.indicator("C02").unit());
        assertThat(r.lines()).anySatisfy(l -> assertThat(l).startsWith("B 60岁及以上老年人口 -> C02 ").endsWith(", period year"));
    }

    @Test
    void aHeaderLackingColumnsNamesEachAndItsKey() {
        HeaderResolver resolver = new HeaderResolver(ReaderFixtures.installed("wj-towns"), reference, "分镇街");
        assertThatThrownBy(() -> resolver.resolve(wjHeader("监测数")))
                .isInstanceOf(NotRecognisedException.class)
                .hasMessage("工作表“分镇街”的表头缺少“0-3岁儿童/筛查数”列，与模板“wj-towns”不符")
                .satisfies(e -> assertThat(((NotRecognisedException) e).hint())
                        .startsWith("header has no column '0-3岁儿童/筛查数' (figures[3] (H03) 'numerator'); the header read: ")
                        .contains("0-3岁儿童/监测数"));
    }

    @Test
    void aHeaderWithoutTheRecognisedTextIsNotTheTemplate() {
        HeaderResolver resolver = new HeaderResolver(ReaderFixtures.installed("wj-towns"), reference, "分镇街");
        assertThatThrownBy(() -> resolver.resolve(List.of(row(3, "镇街", "常住人口", "托位数"))))
                .isInstanceOf(NotRecognisedException.class)
                .hasMessage("工作表“分镇街”的表头缺少“0-3岁儿童”，与模板“wj-towns”不符");
    }

    @Test
    void theIndicatorRowsColumns() {
        HeaderResolver.Resolved r = new HeaderResolver(ReaderFixtures.installed("wj-indicators"), reference, "指标")
                .resolve(List.of(row(3, "序号", "指标名称", "单位", "年度目标", "本期值")));
        assertThat(r.columns()).isEqualTo(new HeaderResolver.Columns(1, 2, 4, -1, List.of()));
        assertThat(r.lines()).containsExactly("B 指标名称 -> the indicator name (indicator-column)", "C 单位 -> the unit (unit-column)",
                "E 本期值 -> the value (value-column)");
    }
}
