package com.qiyouxiang.intake.spreadsheet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;

/** Each messy-cell rule of the spreadsheet ingest, on cells as the readers deliver them. */
class CellCleanerTest {

    final CellCleaner cleaner = new CellCleaner(Set.of("/", "-", "—", "无", "暂无"), true);

    static RawCell text(String s) {
        return new RawCell(3, "D7", RawCell.Kind.TEXT, s, Double.NaN, false, false);
    }

    static RawCell number(double v) {
        return new RawCell(3, "D7", RawCell.Kind.NUMBER, String.valueOf(v), v, false, false);
    }

    double figure(RawCell cell, String columnUnit, String canonical) {
        CellValue v = cleaner.clean(cell, columnUnit, canonical);
        assertThat(v).isInstanceOf(CellValue.Figure.class);
        return ((CellValue.Figure) v).value();
    }

    String problem(RawCell cell, String columnUnit, String canonical) {
        CellValue v = cleaner.clean(cell, columnUnit, canonical);
        assertThat(v).isInstanceOf(CellValue.Problem.class);
        return ((CellValue.Problem) v).reasonCode() + ": " + ((CellValue.Problem) v).messageZh();
    }

    @Test
    void nonFiniteAndHugeNumbersAreProblemsOfTheirCell() {
        for (double v : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1e20}) {
            assertThat(problem(number(v), "个", "个")).as(String.valueOf(v)).startsWith("NOT_FINITE: 数值无效");
        }
        assertThat(problem(text("1" + "0".repeat(400)), "个", "个")).startsWith("NOT_FINITE");
        assertThat(problem(text("330681199001011234"), "人", "人")).startsWith("NOT_FINITE");
        assertThat(figure(number(9007199254740992d), "个", "个")).isEqualTo(9007199254740992d);
    }

    @Test
    void numbersTypedAsText() {
        assertThat(figure(text("4.3"), "个", "个")).isEqualTo(4.3);
        assertThat(figure(text(" 12 "), "人", "人")).isEqualTo(12);
    }

    @Test
    void fullWidthDigitsAndPunctuation() {
        assertThat(figure(text("４．３"), "个", "个")).isEqualTo(4.3);
        assertThat(figure(text("１，２３４"), "人", "人")).isEqualTo(1234);
        assertThat(figure(text("4。3"), "个", "个")).isEqualTo(4.3);
        assertThat(figure(text("６３％"), "%", "%")).isEqualTo(63);
    }

    @Test
    void thousandsSeparators() {
        assertThat(figure(text("1,234,567"), "人", "人")).isEqualTo(1_234_567);
        assertThat(problem(text("1,23"), "人", "人")).startsWith("NOT_A_NUMBER");
    }

    @Test
    void unitsInsideCells() {
        assertThat(figure(text("4.3个"), "个", "个")).isEqualTo(4.3);
        assertThat(figure(text("63%"), "%", "%")).isEqualTo(63);
        assertThat(figure(text("83.6万人"), "人", "人")).isEqualTo(836_000);
        assertThat(figure(text("83.6万人"), "万人", "万人")).isEqualTo(83.6);
        assertThat(figure(text("836000人"), "万人", "万人")).isEqualTo(83.6);
        assertThat(figure(text("14.62万"), "人", "人")).isEqualTo(146_200);
        assertThat(figure(text("1234套"), "万套", "万套")).isEqualTo(0.1234);
        assertThat(figure(text("6.3‰"), "%", "%")).isEqualTo(0.63);
    }

    @Test
    void aUnitThatDoesNotFitIsRejectedNotGuessed() {
        assertThat(problem(text("120户"), "个", "个")).startsWith("UNIT_MISMATCH").contains("“个”");
        assertThat(problem(text("63%"), "人", "人")).startsWith("UNIT_MISMATCH");
    }

    @Test
    void percentages() {
        assertThat(figure(number(0.63), "%", "%")).isEqualTo(63); // a fraction in a % column
        assertThat(figure(number(63), "%", "%")).isEqualTo(63);
        assertThat(figure(new RawCell(3, "D7", RawCell.Kind.NUMBER, "0.634", 0.634, true, false), "%", "%")).isEqualTo(63.4);
        assertThat(figure(number(0.63), "个", "个")).isEqualTo(0.63); // only in % columns
        CellCleaner strict = new CellCleaner(Set.of(), false);
        assertThat(((CellValue.Figure) strict.clean(number(0.63), "%", "%")).value()).isEqualTo(0.63);
    }

    @Test
    void noValueTokensAndBlanks() {
        for (String s : new String[] {"/", "—", "-", "无", "暂无", "", "  ", "／"}) {
            assertThat(cleaner.clean(text(s), "%", "%")).as(s).isInstanceOf(CellValue.NoValue.class);
        }
        assertThat(cleaner.clean(null, "%", "%")).isInstanceOf(CellValue.NoValue.class);
    }

    @Test
    void excelErrorCells() {
        RawCell div0 = new RawCell(3, "D7", RawCell.Kind.ERROR, "#DIV/0!", Double.NaN, false, false);
        assertThat(problem(div0, "%", "%")).startsWith("EXCEL_ERROR").contains("#DIV/0!");
    }

    @Test
    void textThatIsNotANumber() {
        assertThat(problem(text("约95"), "%", "%")).startsWith("NOT_A_NUMBER").contains("约95").contains("如 4.3");
        assertThat(problem(text("见附件"), "%", "%")).startsWith("NOT_A_NUMBER");
    }

    @Test
    void aDateInAFigureCellIsNotAFigure() {
        RawCell date = new RawCell(3, "D7", RawCell.Kind.NUMBER, "45478", 45478, false, true);
        assertThat(problem(date, "人", "人")).startsWith("NOT_A_NUMBER");
    }

    @Test
    void reportingDatesAsSerialsOrText() {
        RawCell serial = new RawCell(4, "E2", RawCell.Kind.NUMBER, "45478", 45478, false, true);
        assertThat(SheetParser.date("", serial)).hasToString("2024-07-05");
        assertThat(SheetParser.date("2024年7月5日", null)).hasToString("2024-07-05");
        assertThat(SheetParser.date("2024/7/5", null)).hasToString("2024-07-05");
        assertThat(SheetParser.date("", text("２０２４－０７－０５"))).hasToString("2024-07-05");
    }

    @Test
    void periodsAsWrittenInTitlesAndNames() {
        assertThat(PeriodParser.parse("诸暨市2024年第二季度托育服务情况表")).isEqualTo("2024Q2");
        assertThat(PeriodParser.parse("2024年二季度")).isEqualTo("2024Q2");
        assertThat(PeriodParser.parse("人社局_2024年1-6月_分镇街")).isEqualTo("2024Q2");
        assertThat(PeriodParser.parse("２０２４年１－９月")).isEqualTo("2024Q3");
        assertThat(PeriodParser.parse("2024年1-5月")).isNull();
        assertThat(PeriodParser.parse("2024年上半年")).isEqualTo("2024Q2");
        assertThat(PeriodParser.parse("2024Q4 报表")).isEqualTo("2024Q4");
        assertThat(PeriodParser.parse("2024年末各镇街人口")).isEqualTo("2024");
        assertThat(PeriodParser.parse("2023年度七优享指标")).isEqualTo("2023");
        assertThat(PeriodParser.parse("七优享指标报表")).isNull();
    }

    @Test
    void townAndIndicatorLabels() {
        assertThat(TextNormalizer.label("托位数（个）")).isEqualTo("托位数");
        assertThat(TextNormalizer.bracketUnit("保障性租赁住房累计筹集（万套）")).isEqualTo("万套");
        assertThat(TextNormalizer.normalize("暨阳　街道")).isEqualTo("暨阳街道");
    }
}
