package com.qiyouxiang.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Element;

/**
 * The page's charts (templates/charts.html drawing {@link ReportCharts}) on hand-made figures whose geometry is
 * known: bars from 0 proportional to the score, stacked light counts in the workbook's colours, the schedule and
 * value lines, the town columns with the city line; valid SVG numbers (a dot decimal) under the JVM default
 * locales the product runs with ({@code env -i} gives none, ROOT; a German default would write commas with
 * String.format), the texts escaped.
 */
class ReportChartsTest {

    @ParameterizedTest
    @ValueSource(strings = {"ROOT", "de-DE", "zh-CN"})
    void theChartsDrawTheFiguresWithDotDecimalsWhateverTheDefaultLocale(String locale) throws Exception {
        Locale before = Locale.getDefault();
        Locale.setDefault(locale.equals("ROOT") ? Locale.ROOT : Locale.forLanguageTag(locale));
        String html;
        try {
            html = QuarterlyReportHtml.render(data());
        } finally {
            Locale.setDefault(before);
        }
        PageCharts page = PageCharts.of(html);
        assertThat(page.charts()).hasSize(2 + 1 + 2);   // scores, lights; one trend (the other has no figure); two towns
        page.charts().forEach(chart -> assertThat(chart.numbers()).isNotEmpty().allMatch(n -> PageCharts.SVG_NUMBER.matcher(n).matches()));

        // domain scores: one bar per domain from x 0, length proportional to the score (370 for 100)
        PageCharts.Chart scores = page.titled("分领域得分（满分100，自0起）");
        List<Element> bars = scores.inPlot("rect");
        assertThat(bars).hasSize(4).allMatch(bar -> PageCharts.number(bar, "x") == 0);
        assertThat(bars.stream().map(bar -> PageCharts.number(bar, "width")).toList()).containsExactly(370.0, 185.0, 0.0, 355.9);
        assertThat(scores.text()).contains("<幼有善育>", "100.00", "50.00", "—", "96.19", "病有良医");

        // lights by domain: stacked segments in the workbook's colours, the widest domain (10 indicators) 410 wide
        PageCharts.Chart lights = page.titled("各领域指标亮灯情况");
        List<Element> segments = lights.inPlot("rect");
        assertThat(segments).hasSize(4 + 3 + 1 + 3);
        assertThat(segments.subList(0, 4).stream().map(s -> PageCharts.number(s, "width")).toList()).containsExactly(246.0, 41.0, 41.0, 82.0);
        assertThat(segments.subList(0, 4).stream().map(s -> s.getAttribute("fill")).toList())
                .containsExactly("#63BE7B", "#FFD966", "#F8696B", "#BFBFBF");
        assertThat(PageCharts.number(segments.get(1), "x")).isEqualTo(246.0);
        assertThat(segments.get(0).getTextContent()).isEqualTo("绿灯 6");
        assertThat(lights.text()).contains("绿灯", "黄灯", "红灯", "灰灯");
        assertThat(QuarterlyReportWorkbook.LIGHT_COLOURS).containsEntry("red", "F8696B");
        assertThat(html).contains(".l-red{background:#F8696B}", ".l-grey{background:#BFBFBF}");

        // the trend: three values (one quarter has none), four schedule points, the value below its schedule line
        PageCharts.Chart trend = page.titled("普惠托位占比（%）");
        List<Element> lines = trend.inPlot("polyline");
        String[] schedule = lines.get(0).getAttribute("points").split(" ");
        String[] values = lines.get(1).getAttribute("points").split(" ");
        assertThat(schedule).hasSize(4);
        assertThat(values).hasSize(3);
        assertThat(trend.inPlot("circle")).hasSize(3);
        assertThat(y(values[0])).isGreaterThan(y(schedule[0]));   // lower on the page: 60 below 61
        assertThat(y(schedule[3])).isLessThan(y(schedule[0]));
        assertThat(trend.text()).contains("指标值", "时序进度目标", "2026年第一季度", "2026年第四季度", "2026年第四季度 66.0");

        // towns: a column per town from the plot's bottom, height proportional to the value, the city line at 25
        PageCharts.Chart towns = page.titled("镇街对比：每千人口托位数");
        List<Element> columns = towns.inPlot("rect");
        assertThat(columns.stream().map(c -> PageCharts.number(c, "height")).toList()).containsExactly(35.0, 70.0, 140.0);
        assertThat(columns).allMatch(c -> PageCharts.number(c, "y") + PageCharts.number(c, "height") == 140);
        Element city = towns.inPlot("line").get(0);
        assertThat(PageCharts.number(city, "y1")).isCloseTo(140 - 140 * 25 / 40.0, within(0.05));
        assertThat(towns.text()).contains("全市 25.0", "A", "B街道 20.0", "C乡 40.0");
        // the city far above every town is off the scale: no line
        assertThat(page.titled("镇街对比：户籍人口").inPlot("line")).isEmpty();

        assertThat(html).doesNotContain("<script", "&lt;script").contains("&lt;幼有善育&gt;");
    }

    private static double y(String point) {
        return Double.parseDouble(point.split(",")[1]);
    }

    /** The figures: four domains, two trend indicators (one without any figure), two town indicators. */
    private static ReportData data() {
        Map<String, List<Map<String, Object>>> rows = new HashMap<>();
        rows.put("分领域评价", List.of(
                domain("<幼有善育>", 100.0, 6, 1, 1, 2), domain("学有优教", 50.0, 3, 0, 1, 1),
                domain("劳有所得", null, 0, 0, 0, 2), domain("病有良医", 96.19, 2, 1, 0, 1)));
        rows.put("红黄灯指标走势", List.of(
                trend("H02", "2026年第一季度", 60.0, 61.0), trend("H02", "2026年第二季度", 62.0, 63.0),
                trend("H02", "2026年第三季度", null, 65.0), trend("H02", "2026年第四季度", 66.0, 67.0),
                trend("H09", "2026年第三季度", null, null)));
        rows.put("镇街对比", List.of(town("H01", "每千人口托位数", 1, "A镇", 10.0, 25.0), town("H01", "每千人口托位数", 2, "B街道", 20.0, 25.0),
                town("H01", "每千人口托位数", 3, "C乡", 40.0, 25.0), town("H05", "户籍人口", 1, "A镇", 10.0, 100.0)));
        Map<ReportSection, List<Map<String, Object>>> sections = new LinkedHashMap<>();
        ReportSection.all().forEach(s -> sections.put(s, rows.getOrDefault(s.title(), List.of())));
        Map<ReportSection, List<Map<String, Object>>> agenda = new LinkedHashMap<>();
        ReportSection.agenda().forEach(s -> agenda.put(s, List.of()));
        return new ReportData("2026Q3", agenda, sections);
    }

    private static Map<String, Object> domain(String name, Double score, int... lights) {
        Map<String, Object> row = new HashMap<>();
        row.put("domain_name", name);
        row.put("domain_score", score);
        row.put("indicators", Arrays.stream(lights).sum());
        List<String> keys = new ArrayList<>(QuarterlyReportWorkbook.LIGHT_COLOURS.keySet());
        for (int i = 0; i < lights.length; i++) {
            row.put(keys.get(i), lights[i]);
        }
        return row;
    }

    private static Map<String, Object> trend(String code, String quarter, Double value, Double schedule) {
        Map<String, Object> row = new HashMap<>();
        row.put("indicator_code", code);
        row.put("indicator_name", code.equals("H02") ? "普惠托位占比" : "无数据指标");
        row.put("unit", "%");
        row.put("decimals", 1);
        row.put("quarter_zh", quarter);
        row.put("value", value);
        row.put("schedule_target", schedule);
        return row;
    }

    private static Map<String, Object> town(String code, String name, int order, String town, double value, double city) {
        Map<String, Object> row = new HashMap<>();
        row.put("indicator_code", code);
        row.put("indicator_name", name);
        row.put("unit", "个");
        row.put("data_period_zh", "2026年第三季度");
        row.put("decimals", 1);
        row.put("town_name", town);
        row.put("town_sort_order", order);
        row.put("town_value", value);
        row.put("city_value", city);
        return row;
    }
}
