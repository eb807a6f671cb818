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

/**
 * The quarterly report as one self-contained HTML page, from the Thymeleaf templates
 * {@code templates/quarterly-report.html} and its charts {@code templates/charts.html} (wording and layout change
 * there, without Java): inline CSS with print rules, inline SVG charts drawn from {@link ReportCharts}, no
 * scripts, no fonts or images from the network; every text escaped by {@code th:text}. The same parts and
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
        context.setVariable("charts", new ReportCharts(data));
        context.setVariable("lightColours", QuarterlyReportWorkbook.LIGHT_COLOURS);
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
}
