package com.qiyouxiang.publish;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.qiyouxiang.warehouse.SqlFiles;
import com.qiyouxiang.warehouse.Warehouse;

/**
 * The rows of every report part for one quarter, read once from the marts: the first page's parts
 * ({@link ReportSection#agenda()}, 本季要点) and the sections after it ({@link ReportSection#all()}).
 */
public record ReportData(String quarter, Map<ReportSection, List<Map<String, Object>>> agenda,
                         Map<ReportSection, List<Map<String, Object>>> sections) {

    public static ReportData load(Connection c, String quarter) throws SQLException {
        Warehouse.runScript(c, "statements/warehouse/display_macros.sql");
        try (Statement s = c.createStatement()) {
            s.execute("CREATE OR REPLACE TEMP VIEW tmp_unexplained_verify_items AS "
                    + SqlFiles.read("statements/validation/unexplained_verify_items.sql"));
        }
        return new ReportData(quarter, rows(c, quarter, ReportSection.agenda()), rows(c, quarter, ReportSection.all()));
    }

    private static Map<ReportSection, List<Map<String, Object>>> rows(Connection c, String quarter,
                                                                      List<ReportSection> parts) throws SQLException {
        Map<ReportSection, List<Map<String, Object>>> sections = new LinkedHashMap<>();
        for (ReportSection section : parts) {
            List<Map<String, Object>> rows = new ArrayList<>();
            String sql = SqlFiles.fill(section.query(), Map.of("quarter", quarter), "the report's part " + section.title());
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                ResultSetMetaData md = rs.getMetaData();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= md.getColumnCount(); i++) {
                        row.put(md.getColumnLabel(i), rs.getObject(i));
                    }
                    rows.add(row);
                }
            }
            sections.put(section, rows);
        }
        return sections;
    }

    /** The rows of the section or first-page part with this title. */
    public List<Map<String, Object>> rows(String title) {
        for (Map<ReportSection, List<Map<String, Object>>> parts : List.of(agenda, sections)) {
            for (Map.Entry<ReportSection, List<Map<String, Object>>> e : parts.entrySet()) {
                if (e.getKey().title().equals(title)) {
                    return e.getValue();
                }
            }
        }
        return List.of();
    }

    /** The rows of one indicator in a section. */
    public List<Map<String, Object>> rowsOf(String title, String indicator) {
        return rows(title).stream().filter(r -> indicator.equals(r.get("indicator_code"))).toList();
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

    /** The display decimals of a row ({@code decimals}, from the indicator's unit and name), 2 when absent. */
    public static int decimals(Map<String, Object> row) {
        return row.get("decimals") instanceof Number n ? n.intValue() : 2;
    }

    /** The lowest and highest value and schedule target of a trend's rows, or null when none has a number. */
    static double[] trendExtent(List<Map<String, Object>> rows) {
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
        return min > max ? null : new double[] {min, max};
    }
}
