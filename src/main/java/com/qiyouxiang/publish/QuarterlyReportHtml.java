package com.qiyouxiang.publish;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import com.qiyouxiang.batch.SafeText;

/**
 * The quarterly report as one self-contained HTML page, from the Thymeleaf template
 * {@code templates/quarterly-report.html} (wording and layout change there, without Java): inline CSS with
 * print rules, inline SVG charts, no scripts, no fonts or images from the network. The same parts and
 * columns as the workbook: the first page 本季要点, the charts, then the sections.
 */
public final class QuarterlyReportHtml {

    /** A table of the page: its title, note, headers and cells. */
    public record Table(String title, String note, List<String> headers, List<List<TableCell>> rows) {
    }

    /** A cell: its text and CSS class (n number, l-red ... light, t long text). */
    public record TableCell(String text, String css) {
    }

    private static final TemplateEngine ENGINE = engine();

    private QuarterlyReportHtml() {
    }

    private static TemplateEngine engine() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(QuarterlyReportHtml.class.getClassLoader());
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        TemplateEngine engine = new TemplateEngine();
        engine.setTemplateResolver(resolver);
        return engine;
    }

    public static void write(ReportData data, Path target) throws IOException {
        Files.writeString(target, render(data), StandardCharsets.UTF_8);
    }

    public static String render(ReportData data) {
        Context context = new Context(Locale.SIMPLIFIED_CHINESE);
        context.setVariable("quarterZh", com.qiyouxiang.batch.PrintLayout.periodZh(data.quarter()));
        context.setVariable("agenda", tables(data.agenda()));
        List<String> charts = new ArrayList<>();
        charts.add(domainScoreChart(data));
        charts.add(lightCountChart(data));
        context.setVariable("overviewCharts", charts);
        List<String> trends = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        data.rows("红黄灯指标走势").forEach(r -> { if (!codes.contains((String) r.get("indicator_code"))) { codes.add((String) r.get("indicator_code")); } });
        codes.forEach(code -> trends.add(trendChart(data.rowsOf("红黄灯指标走势", code))));
        context.setVariable("trendCharts", trends);
        TownPivot pivot = TownPivot.of(data.rows("镇街对比"));
        context.setVariable("townCharts", pivot.indicators().stream().map(i -> townChart(pivot, i)).toList());
        Map<ReportSection, List<Map<String, Object>>> sheets = new LinkedHashMap<>();
        data.sections().forEach((section, rows) -> {
            if (section.placement() == ReportSection.Placement.SHEET || section.placement() == ReportSection.Placement.TOWNS) {
                sheets.put(section, rows);
            }
        });
        context.setVariable("sections", tables(sheets));
        return ENGINE.process("quarterly-report", context);
    }

    private static List<Table> tables(Map<ReportSection, List<Map<String, Object>>> sections) {
        List<Table> tables = new ArrayList<>();
        sections.forEach((section, rows) -> {
            if (section.placement() == ReportSection.Placement.TOWNS) {
                tables.add(townTable(section, TownPivot.of(rows)));
                return;
            }
            List<ReportSection.Column> shown = section.columns().stream().filter(c -> c.kind() != ReportSection.Kind.HIDDEN).toList();
            List<List<TableCell>> cells = new ArrayList<>();
            for (Map<String, Object> row : rows) {
                List<TableCell> line = new ArrayList<>();
                for (ReportSection.Column c : shown) {
                    Object v = row.get(c.key());
                    line.add(switch (c.kind()) {
                        case LIGHT -> new TableCell(ReportData.lightZh(v), "l-" + v);
                        case FLAG -> new TableCell(Boolean.TRUE.equals(v) ? "是" : "", "");
                        case TEXT -> new TableCell(v == null ? "" : v.toString(),
                                v != null && com.qiyouxiang.batch.PrintLayout.displayWidth(v.toString()) > 24 ? "t" : "");
                        case VALUE -> new TableCell(value(v, ReportData.decimals(row)), "n");
                        default -> new TableCell(format(c.kind(), v), "n");
                    });
                }
                cells.add(line);
            }
            tables.add(new Table(section.title(), section.note(), shown.stream().map(ReportSection.Column::header).toList(), cells));
        });
        return tables;
    }

    /** 镇街对比 by town: a row per town, a value and rank column per discussed indicator, the city and CV below. */
    private static Table townTable(ReportSection section, TownPivot pivot) {
        List<String> headers = new ArrayList<>(List.of("镇街"));
        pivot.indicators().forEach(i -> {
            headers.add(i.header());
            headers.add("排名");
        });
        List<List<TableCell>> rows = new ArrayList<>();
        for (String town : pivot.towns()) {
            List<TableCell> line = new ArrayList<>(List.of(new TableCell(town, "")));
            pivot.indicators().forEach(i -> {
                line.add(new TableCell(value(i.values().get(town), i.decimals()), "n"));
                line.add(new TableCell(i.ranks().containsKey(town) ? String.valueOf(i.ranks().get(town)) : "", "n"));
            });
            rows.add(line);
        }
        List<TableCell> city = new ArrayList<>(List.of(new TableCell("全市", "")));
        List<TableCell> cv = new ArrayList<>(List.of(new TableCell("变异系数", "")));
        pivot.indicators().forEach(i -> {
            city.add(new TableCell(value(i.city(), i.decimals()), "n"));
            city.add(new TableCell("", ""));
            cv.add(new TableCell(value(i.cv(), 3), "n"));
            cv.add(new TableCell("", ""));
        });
        if (!pivot.indicators().isEmpty()) {
            rows.add(city);
            rows.add(cv);
        }
        return new Table(section.title(), section.note(), headers, rows);
    }

    /** A value with the indicator's display decimals, e.g. 68.2, 12.26, 15450. */
    static String value(Object v, int decimals) {
        return v instanceof Number n ? String.format(Locale.ROOT, "%." + Math.max(0, Math.min(decimals, 3)) + "f", n.doubleValue()) : "";
    }

    static String format(ReportSection.Kind kind, Object v) {
        if (!(v instanceof Number n)) {
            return "";
        }
        double d = n.doubleValue();
        return switch (kind) {
            case PERCENT -> String.format(Locale.ROOT, "%.1f%%", d * 100);
            case SCORE -> String.format(Locale.ROOT, "%.2f", d);
            case SIGNED -> String.format(Locale.ROOT, "%+.2f", d);
            default -> d == Math.rint(d) && Math.abs(d) < 1e12 ? String.valueOf((long) d)
                    : String.format(Locale.ROOT, "%.4f", d).replaceAll("0+$", "");
        };
    }

    /** Horizontal bars: one per domain, length = score (0-100). */
    static String domainScoreChart(ReportData data) {
        List<Map<String, Object>> rows = data.rows("分领域评价");
        int barH = 26;
        int width = 520;
        int left = 90;
        int height = 40 + rows.size() * barH + 20;
        StringBuilder s = svgStart(width, height, "分领域得分（满分100，自0起）");
        for (int i = 0; i < rows.size(); i++) {
            Map<String, Object> r = rows.get(i);
            double score = ReportData.number(r.get("domain_score"));
            int y = 40 + i * barH;
            double w = (width - left - 60) * Math.max(0, Math.min(score, 100)) / 100.0;
            s.append(text(left - 6, y + 16, "end", esc(String.valueOf(r.get("domain_name")))))
                    .append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"#4472C4\"/>",
                            left, y + 3, w, barH - 8))
                    .append(text((int) (left + w + 4), y + 16, "start",
                            r.get("domain_score") == null ? "—" : String.format(Locale.ROOT, "%.2f", score)));
        }
        return s.append("</svg>\n").toString();
    }

    /** Stacked bars: per domain, the indicators by light. */
    static String lightCountChart(ReportData data) {
        List<Map<String, Object>> rows = data.rows("分领域评价");
        String[] lights = {"green", "yellow", "red", "grey"};
        String[] names = {"绿灯", "黄灯", "红灯", "灰灯"};
        int max = 1;
        for (Map<String, Object> r : rows) {
            max = Math.max(max, (int) ReportData.number(r.get("indicators")));
        }
        int barH = 26;
        int width = 520;
        int left = 90;
        int height = 40 + rows.size() * barH + 40;
        StringBuilder s = svgStart(width, height, "各领域指标亮灯情况");
        for (int i = 0; i < rows.size(); i++) {
            Map<String, Object> r = rows.get(i);
            int y = 40 + i * barH;
            s.append(text(left - 6, y + 16, "end", esc(String.valueOf(r.get("domain_name")))));
            double x = left;
            for (String light : lights) {
                double n = ReportData.number(r.get(light));
                double w = (width - left - 20) * n / max;
                if (n > 0) {
                    s.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"#%s\">"
                                    + "<title>%s %d</title></rect>", x, y + 3, w, barH - 8,
                            QuarterlyReportWorkbook.LIGHT_COLOURS.get(light), names[java.util.Arrays.asList(lights).indexOf(light)], (int) n))
                            .append(text((int) (x + w / 2), y + 16, "middle", String.valueOf((int) n)));
                }
                x += w;
            }
        }
        int ly = height - 18;
        for (int i = 0; i < lights.length; i++) {
            int lx = left + i * 80;
            s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"#%s\"/>", lx, ly,
                    QuarterlyReportWorkbook.LIGHT_COLOURS.get(lights[i]))).append(text(lx + 16, ly + 11, "start", names[i]));
        }
        return s.append("</svg>\n").toString();
    }

    /** Columns: one indicator across its towns (towns named), with the city's value as a dashed line. */
    static String townChart(TownPivot pivot, TownPivot.Indicator indicator) {
        List<String> towns = pivot.townsOf(indicator);
        if (towns.isEmpty()) {
            return "";
        }
        int decimals = indicator.decimals();
        double max = 0;
        for (String town : towns) {
            max = Math.max(max, indicator.values().get(town));
        }
        max = max <= 0 ? 1 : max;
        int colW = 20;
        int width = Math.max(360, 60 + towns.size() * colW);
        int plotH = 140;
        int top = 40;
        int height = top + plotH + 70;
        StringBuilder s = svgStart(width, height, "镇街对比：" + esc(indicator.name()));
        for (int i = 0; i < towns.size(); i++) {
            String town = towns.get(i);
            double v = indicator.values().get(town);
            double h = plotH * Math.max(v, 0) / max;
            int x = 40 + i * colW;
            s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%.1f\" width=\"%d\" height=\"%.1f\" fill=\"#5B9BD5\">"
                            + "<title>%s %s</title></rect>", x, top + plotH - h, colW - 5, h, esc(town), value(v, decimals)))
                    .append(String.format(Locale.ROOT,
                            "<text x=\"%d\" y=\"%d\" font-size=\"10\" text-anchor=\"end\" transform=\"rotate(-60 %d %d)\">%s</text>",
                            x + colW / 2, top + plotH + 12, x + colW / 2, top + plotH + 12, esc(town.replaceAll("(街道|镇|乡)$", ""))));
        }
        Double city = indicator.city();
        if (city != null && city > 0 && city <= max) {
            double y = top + plotH - plotH * city / max;
            s.append(String.format(Locale.ROOT, "<line x1=\"36\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#C00000\" "
                            + "stroke-dasharray=\"4 3\"/>", width - 10, y, y))
                    .append(text(width - 12, (int) y - 4, "end", "全市 " + value(city, decimals)));
        }
        return s.append("</svg>\n").toString();
    }

    /** Lines: one indicator's value (solid, dots) and its schedule line (dashed red) by quarter of the plan so far. */
    static String trendChart(List<Map<String, Object>> rows) {
        if (rows.isEmpty()) {
            return "";
        }
        int decimals = ReportData.decimals(rows.get(0));
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (Map<String, Object> r : rows) {
            for (String key : List.of("value", "schedule_target")) {
                if (r.get(key) instanceof Number n) {
                    min = Math.min(min, n.doubleValue());
                    max = Math.max(max, n.doubleValue());
                }
            }
        }
        if (min > max) {
            return "";
        }
        double pad = Math.max((max - min) * 0.15, Math.abs(max) * 0.01 + 1e-9);
        min -= pad;
        max += pad;
        int width = 360;
        int left = 50;
        int top = 40;
        int plotW = width - left - 16;
        int plotH = 140;
        int height = top + plotH + 56;
        Object unit = rows.get(0).get("unit");
        StringBuilder s = svgStart(width, height, esc(String.valueOf(rows.get(0).get("indicator_name")))
                + (unit == null ? "" : "（" + esc(unit.toString()) + "）"));
        double lo = min;
        double span = max - min;
        int n = rows.size();
        java.util.function.IntFunction<Double> xOf = i -> left + (n == 1 ? plotW / 2.0 : plotW * i / (double) (n - 1));
        java.util.function.DoubleFunction<Double> yOf = v -> top + plotH - plotH * (v - lo) / span;
        s.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%d\" y2=\"%d\" stroke=\"#999\"/>",
                left, left + plotW, top + plotH, top + plotH));
        s.append(text(left - 4, top + 10, "end", value(max, decimals))).append(text(left - 4, top + plotH, "end", value(min, decimals)));
        for (String key : List.of("schedule_target", "value")) {
            StringBuilder points = new StringBuilder();
            for (int i = 0; i < n; i++) {
                if (rows.get(i).get(key) instanceof Number v) {
                    points.append(String.format(Locale.ROOT, "%.1f,%.1f ", xOf.apply(i), yOf.apply(v.doubleValue())));
                }
            }
            boolean schedule = key.equals("schedule_target");
            s.append(String.format(Locale.ROOT, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\"%s points=\"%s\"/>",
                    schedule ? "#C00000" : "#4472C4", schedule ? " stroke-dasharray=\"5 3\"" : "", points.toString().trim()));
        }
        for (int i = 0; i < n; i++) {
            if (rows.get(i).get("value") instanceof Number v) {
                s.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2.5\" fill=\"#4472C4\"><title>%s %s</title></circle>",
                        xOf.apply(i), yOf.apply(v.doubleValue()), esc(String.valueOf(rows.get(i).get("quarter_zh"))), value(v, decimals)));
            }
        }
        // the first and last quarters under the axis, the legend below
        s.append(text(left, top + plotH + 16, "start", esc(String.valueOf(rows.get(0).get("quarter_zh")))))
                .append(text(left + plotW, top + plotH + 16, "end", esc(String.valueOf(rows.get(n - 1).get("quarter_zh")))));
        // no axis from 0 here: the gap between the value and its schedule line is what the chart shows
        int ly = height - 14;
        s.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%d\" y2=\"%d\" stroke=\"#4472C4\" stroke-width=\"2\"/>", left, left + 20, ly, ly))
                .append(text(left + 24, ly + 4, "start", "指标值"))
                .append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%d\" y2=\"%d\" stroke=\"#C00000\" stroke-width=\"2\" stroke-dasharray=\"5 3\"/>",
                        left + 90, left + 110, ly, ly))
                .append(text(left + 114, ly + 4, "start", "时序进度目标"));
        return s.append("</svg>\n").toString();
    }

    private static StringBuilder svgStart(int width, int height, String title) {
        return new StringBuilder().append(String.format(Locale.ROOT,
                        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\">",
                        width, height, width, height))
                .append("<rect width=\"100%\" height=\"100%\" fill=\"#fff\" stroke=\"#ddd\"/>")
                .append(text(width / 2, 24, "middle", "<tspan font-weight=\"bold\">" + title + "</tspan>"));
    }

    private static String text(int x, int y, String anchor, String content) {
        return String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"12\" text-anchor=\"%s\">%s</text>", x, y, anchor, content);
    }

    static String esc(String s) {
        return SafeText.html(s);
    }
}
