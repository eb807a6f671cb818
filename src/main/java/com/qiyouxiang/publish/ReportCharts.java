package com.qiyouxiang.publish;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The report page's charts as numbers, for {@code templates/charts.html} to draw (the variable {@code charts}).
 * The template holds the layout: it calls these methods with its plot sizes, and places titles, labels, legends,
 * colours and fonts around what they return. Java does only the arithmetic: each chart in its plot's own
 * coordinates (origin at the plot's top-left corner, y downwards), its value labels and tooltips as display text.
 * Coordinates are {@link BigDecimal}s of one decimal, so they print as {@code 12.5} whatever the locale and stay
 * exact when the template adds an offset to them.
 */
public final class ReportCharts {

    /** A bar in plot coordinates with its value label and tooltip (either may be empty), and its light if it has one. */
    public record Bar(BigDecimal x, BigDecimal y, BigDecimal width, BigDecimal height, String label, String tooltip, String light) {
    }

    /** A row of horizontal bars: its name (a domain), its top and its bars (one, or one per light stacked). */
    public record Row(String name, BigDecimal y, List<Bar> bars) {
    }

    /** Horizontal bars, one row per domain, scaled from 0: the plot's size and its rows. */
    public record Bars(int width, int height, List<Row> rows) {
    }

    /** The city's value across a town chart: its height in the plot and its label. */
    public record CityLine(BigDecimal y, String label) {
    }

    /** Columns of one indicator across its towns, from 0: name and unit, plot size, a column per town, the city line. */
    public record Columns(String name, String unit, int width, int height, List<Bar> bars, CityLine city) {
    }

    /** A point of a line with its tooltip. */
    public record Dot(BigDecimal x, BigDecimal y, String tooltip) {
    }

    /**
     * One indicator by quarter: its value and schedule line as SVG point lists ("x,y x,y"), the value's dots,
     * the axis's top and bottom labels and the first and last quarters.
     */
    public record Lines(String name, String unit, int width, int height, String values, String schedule, List<Dot> dots,
                        String maxLabel, String minLabel, String firstQuarter, String lastQuarter) {
    }

    private final ReportData data;

    public ReportCharts(ReportData data) {
        this.data = data;
    }

    /** Domain scores: a bar per domain, {@code plotWidth} is a score of 100. */
    public Bars domainScores(int plotWidth, int pitch, int thickness) {
        List<Row> rows = new ArrayList<>();
        List<Map<String, Object>> domains = data.rows("分领域评价");
        for (int i = 0; i < domains.size(); i++) {
            Map<String, Object> r = domains.get(i);
            double score = ReportData.number(r.get("domain_score"));
            double y = i * pitch + (pitch - thickness) / 2.0;
            Bar bar = new Bar(px(0), px(y), px(plotWidth * Math.max(0, Math.min(score, 100)) / 100.0), px(thickness),
                    r.get("domain_score") == null ? "—" : QuarterlyReportHtml.format(ReportSection.Kind.SCORE, score), "", null);
            rows.add(new Row(String.valueOf(r.get("domain_name")), px(y), List.of(bar)));
        }
        return new Bars(plotWidth, domains.size() * pitch, rows);
    }

    /** Lights by domain: per domain the indicators by light, stacked; {@code plotWidth} is the largest domain. */
    public Bars lightCounts(int plotWidth, int pitch, int thickness) {
        List<Map<String, Object>> domains = data.rows("分领域评价");
        double max = 1;
        for (Map<String, Object> r : domains) {
            max = Math.max(max, ReportData.number(r.get("indicators")));
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < domains.size(); i++) {
            Map<String, Object> r = domains.get(i);
            double y = i * pitch + (pitch - thickness) / 2.0;
            List<Bar> bars = new ArrayList<>();
            double x = 0;
            for (String light : QuarterlyReportWorkbook.LIGHT_COLOURS.keySet()) {
                long n = Math.round(ReportData.number(r.get(light)));
                double w = plotWidth * n / max;
                if (n > 0) {
                    bars.add(new Bar(px(x), px(y), px(w), px(thickness), String.valueOf(n), "", light));
                }
                x += w;
            }
            rows.add(new Row(String.valueOf(r.get("domain_name")), px(y), bars));
        }
        return new Bars(plotWidth, domains.size() * pitch, rows);
    }

    /** The town charts of the indicators the meeting discusses: a column per town with a value, from 0. */
    public List<Columns> towns(int pitch, int thickness, int plotHeight) {
        TownPivot pivot = TownPivot.of(data.rows("镇街对比"));
        List<Columns> charts = new ArrayList<>();
        for (TownPivot.Indicator indicator : pivot.indicators()) {
            List<String> towns = pivot.townsOf(indicator);
            if (towns.isEmpty()) {
                continue;
            }
            double max = towns.stream().mapToDouble(indicator.values()::get).max().orElse(0);
            max = max <= 0 ? 1 : max;
            List<Bar> bars = new ArrayList<>();
            for (int i = 0; i < towns.size(); i++) {
                String town = towns.get(i);
                double v = indicator.values().get(town);
                double h = plotHeight * Math.max(v, 0) / max;
                bars.add(new Bar(px(i * pitch), px(plotHeight - h), px(thickness), px(h), town.replaceAll("(街道|镇|乡)$", ""),
                        town + " " + QuarterlyReportHtml.value(v, indicator.decimals()), null));
            }
            Double city = indicator.city();
            CityLine line = city != null && city > 0 && city <= max
                    ? new CityLine(px(plotHeight - plotHeight * city / max), QuarterlyReportHtml.value(city, indicator.decimals())) : null;
            charts.add(new Columns(indicator.name(), indicator.unit(), towns.size() * pitch, plotHeight, bars, line));
        }
        return charts;
    }

    /**
     * Each red or yellow indicator's value and schedule line by quarter of the plan so far. The axis is the
     * figures' range with a margin, not from 0: the gap between the value and its schedule line is what it shows.
     */
    public List<Lines> trends(int plotWidth, int plotHeight) {
        Map<Object, List<Map<String, Object>>> byIndicator = data.rows("红黄灯指标走势").stream()
                .collect(Collectors.groupingBy(r -> r.get("indicator_code"), LinkedHashMap::new, Collectors.toList()));
        List<Lines> charts = new ArrayList<>();
        for (List<Map<String, Object>> rows : byIndicator.values()) {
            Lines chart = trend(rows, plotWidth, plotHeight);
            if (chart != null) {
                charts.add(chart);
            }
        }
        return charts;
    }

    private static Lines trend(List<Map<String, Object>> rows, int plotWidth, int plotHeight) {
        double[] extent = ReportData.trendExtent(rows);
        if (extent == null) {
            return null;
        }
        double min = extent[0];
        double max = extent[1];
        double pad = Math.max((max - min) * 0.15, Math.abs(max) * 0.01 + 1e-9);
        double lo = min - pad;
        double span = max + pad - lo;
        int n = rows.size();
        int decimals = ReportData.decimals(rows.get(0));
        List<String> values = new ArrayList<>();
        List<String> schedule = new ArrayList<>();
        List<Dot> dots = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Map<String, Object> r = rows.get(i);
            BigDecimal x = px(n == 1 ? plotWidth / 2.0 : plotWidth * i / (double) (n - 1));
            if (r.get("schedule_target") instanceof Number t) {
                schedule.add(x + "," + px(plotHeight - plotHeight * (t.doubleValue() - lo) / span));
            }
            if (r.get("value") instanceof Number v) {
                BigDecimal y = px(plotHeight - plotHeight * (v.doubleValue() - lo) / span);
                values.add(x + "," + y);
                dots.add(new Dot(x, y, r.get("quarter_zh") + " " + QuarterlyReportHtml.value(v, decimals)));
            }
        }
        Object unit = rows.get(0).get("unit");
        return new Lines(String.valueOf(rows.get(0).get("indicator_name")), unit == null ? "" : unit.toString(), plotWidth, plotHeight,
                String.join(" ", values), String.join(" ", schedule), dots, QuarterlyReportHtml.value(max + pad, decimals),
                QuarterlyReportHtml.value(lo, decimals), String.valueOf(rows.get(0).get("quarter_zh")),
                String.valueOf(rows.get(n - 1).get("quarter_zh")));
    }

    /** A coordinate rounded to one decimal: prints with a dot ({@code BigDecimal.toString}), never an exponent. */
    static BigDecimal px(double v) {
        return BigDecimal.valueOf(Math.round(v * 10), 1);
    }
}
