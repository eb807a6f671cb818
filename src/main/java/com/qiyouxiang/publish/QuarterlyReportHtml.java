package com.qiyouxiang.publish;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.qiyouxiang.batch.SafeText;

/**
 * The quarterly report as one self-contained HTML page: inline CSS, inline SVG charts, no scripts,
 * no fonts or images from the network. The same sections and columns as the workbook.
 */
public final class QuarterlyReportHtml {

    private QuarterlyReportHtml() {
    }

    public static void write(ReportData data, Path target) throws IOException {
        Files.writeString(target, render(data), StandardCharsets.UTF_8);
    }

    public static String render(ReportData data) {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<title>七优享 ").append(com.qiyouxiang.batch.PrintLayout.periodZh(data.quarter())).append(" 季度调度报告</title>\n<style>\n")
                .append("body{font-family:\"Noto Sans CJK SC\",\"Microsoft YaHei\",\"PingFang SC\",sans-serif;margin:24px;color:#222}\n")
                .append("h1{font-size:24px}h2{font-size:18px;border-left:4px solid #4472C4;padding-left:8px;margin-top:32px}\n")
                .append("p.note{color:#555;font-size:13px}table{border-collapse:collapse;font-size:12px;margin:8px 0}\n")
                .append("th,td{border:1px solid #bbb;padding:3px 6px}td.n,td[class^=\"l-\"]{white-space:nowrap}th{background:#DDEBF7}td.n{text-align:right}\n")
                .append(".l-green{background:#63BE7B}.l-yellow{background:#FFD966}.l-red{background:#F8696B}.l-grey{background:#BFBFBF}\n")
                .append(".charts{display:flex;flex-wrap:wrap;gap:24px}\n</style>\n</head>\n<body>\n")
                .append("<h1>七优享 ").append(com.qiyouxiang.batch.PrintLayout.periodZh(data.quarter())).append(" 季度调度报告</h1>\n")
                .append("<p class=\"note\">诸暨市“七优享”工程 2023—2027 年规划指标季度评价，按市政府印发的评价办法计算。</p>\n");
        h.append("<div class=\"charts\">\n").append(domainScoreChart(data)).append(lightCountChart(data))
                .append(townChart(data)).append("</div>\n");
        for (Map.Entry<ReportSection, List<Map<String, Object>>> e : data.sections().entrySet()) {
            table(h, e.getKey(), e.getValue());
        }
        h.append("</body>\n</html>\n");
        return h.toString();
    }

    private static void table(StringBuilder h, ReportSection section, List<Map<String, Object>> rows) {
        h.append("<h2>").append(esc(section.title())).append("</h2>\n<p class=\"note\">").append(esc(section.note()))
                .append("</p>\n<table>\n<tr>");
        section.columns().forEach(c -> h.append("<th>").append(esc(c.header())).append("</th>"));
        h.append("</tr>\n");
        if (rows.isEmpty()) {
            h.append("<tr><td colspan=\"").append(section.columns().size()).append("\">（本季度无记录）</td></tr>\n");
        }
        for (Map<String, Object> row : rows) {
            h.append("<tr>");
            for (ReportSection.Column c : section.columns()) {
                Object v = row.get(c.key());
                switch (c.kind()) {
                    case LIGHT -> h.append("<td class=\"l-").append(esc(String.valueOf(v))).append("\">")
                            .append(ReportData.lightZh(v)).append("</td>");
                    case FLAG -> h.append("<td>").append(Boolean.TRUE.equals(v) ? "是" : "").append("</td>");
                    case TEXT -> h.append("<td>").append(v == null ? "" : esc(v.toString())).append("</td>");
                    default -> h.append("<td class=\"n\">").append(format(c.kind(), v)).append("</td>");
                }
            }
            h.append("</tr>\n");
        }
        h.append("</table>\n");
    }

    static String format(ReportSection.Kind kind, Object v) {
        if (!(v instanceof Number n)) {
            return "";
        }
        double d = n.doubleValue();
        return switch (kind) {
            case PERCENT -> String.format(Locale.ROOT, "%.1f%%", d * 100);
            case SCORE -> String.format(Locale.ROOT, "%.2f", d);
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
        StringBuilder s = svgStart(width, height, "分领域得分");
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

    /** Columns: one indicator across towns. */
    static String townChart(ReportData data) {
        String indicator = data.townChartIndicator();
        if (indicator == null) {
            return "";
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map<String, Object> r : data.rows("镇街对比")) {
            if (indicator.equals(r.get("indicator_code")) && r.get("town_value") != null) {
                rows.add(r);
            }
        }
        double max = 0;
        for (Map<String, Object> r : rows) {
            max = Math.max(max, ReportData.number(r.get("town_value")));
        }
        max = max <= 0 ? 1 : max;
        int colW = 30;
        int width = Math.max(520, 60 + rows.size() * colW);
        int plotH = 200;
        int top = 40;
        int height = top + plotH + 70;
        StringBuilder s = svgStart(width, height, "镇街对比：" + esc(String.valueOf(rows.get(0).get("indicator_name"))));
        for (int i = 0; i < rows.size(); i++) {
            Map<String, Object> r = rows.get(i);
            double v = ReportData.number(r.get("town_value"));
            double h = plotH * Math.max(v, 0) / max;
            int x = 40 + i * colW;
            s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%.1f\" width=\"%d\" height=\"%.1f\" fill=\"#5B9BD5\">"
                            + "<title>%s %s</title></rect>", x, top + plotH - h, colW - 6, h,
                    esc(String.valueOf(r.get("town_name"))), format(ReportSection.Kind.NUMBER, r.get("town_value"))))
                    .append(String.format(Locale.ROOT,
                            "<text x=\"%d\" y=\"%d\" font-size=\"11\" text-anchor=\"end\" transform=\"rotate(-60 %d %d)\">%s</text>",
                            x + colW / 2, top + plotH + 14, x + colW / 2, top + plotH + 14,
                            esc(String.valueOf(r.get("town_name")).replaceAll("(街道|镇|乡)$", ""))));
        }
        Object city = rows.get(0).get("city_value");
        if (city instanceof Number n && n.doubleValue() > 0 && n.doubleValue() <= max) {
            double y = top + plotH - plotH * n.doubleValue() / max;
            s.append(String.format(Locale.ROOT, "<line x1=\"36\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#C00000\" "
                            + "stroke-dasharray=\"4 3\"/>", width - 10, y, y))
                    .append(text(width - 12, (int) y - 4, "end", "全市 " + format(ReportSection.Kind.NUMBER, city)));
        }
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
