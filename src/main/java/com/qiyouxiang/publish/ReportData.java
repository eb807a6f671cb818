package com.qiyouxiang.publish;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The rows of every report section for one quarter, read once from the marts. */
public record ReportData(String quarter, Map<ReportSection, List<Map<String, Object>>> sections) {

    public static ReportData load(Connection c, String quarter) throws SQLException {
        Map<ReportSection, List<Map<String, Object>>> sections = new LinkedHashMap<>();
        for (ReportSection section : ReportSection.all()) {
            List<Map<String, Object>> rows = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement(section.query())) {
                p.setString(1, quarter);
                try (ResultSet rs = p.executeQuery()) {
                    ResultSetMetaData md = rs.getMetaData();
                    while (rs.next()) {
                        Map<String, Object> row = new LinkedHashMap<>();
                        for (int i = 1; i <= md.getColumnCount(); i++) {
                            row.put(md.getColumnLabel(i), rs.getObject(i));
                        }
                        rows.add(row);
                    }
                }
            }
            sections.put(section, rows);
        }
        return new ReportData(quarter, sections);
    }

    public List<Map<String, Object>> rows(String title) {
        return sections.entrySet().stream().filter(e -> e.getKey().title().equals(title)).findFirst()
                .map(Map.Entry::getValue).orElse(List.of());
    }

    /** The town indicator the town chart shows: the one with the most towns, then the lowest code. */
    public String townChartIndicator() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Map<String, Object> row : rows("镇街对比")) {
            if (row.get("town_value") != null) {
                counts.merge((String) row.get("indicator_code"), 1, Integer::sum);
            }
        }
        return counts.entrySet().stream().max(Map.Entry.<String, Integer>comparingByValue()
                        .thenComparing(Map.Entry.comparingByKey(java.util.Comparator.reverseOrder())))
                .map(Map.Entry::getKey).orElse(null);
    }

    public static String lightZh(Object light) {
        return switch (String.valueOf(light)) {
            case "green" -> "绿灯";
            case "yellow" -> "黄灯";
            case "red" -> "红灯";
            case "grey" -> "灰灯";
            default -> "";
        };
    }

    public static double number(Object value) {
        return value == null ? 0 : ((Number) value).doubleValue();
    }
}
