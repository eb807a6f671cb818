package com.qiyouxiang.publish;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * The data dictionary (数据字典) in Chinese, generated from the warehouse's own table and column
 * comments (COMMENT ON in the schema migrations), so it never drifts from the tables.
 */
public final class DataDictionary {

    private DataDictionary() {
    }

    public static String markdown(Connection c) throws SQLException {
        StringBuilder md = new StringBuilder();
        md.append("# 七优享数据仓库 数据字典\n\n");
        md.append("本文件由 publishJob 根据数据仓库中的表和字段注释自动生成（生成时间：")
                .append(LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"))).append("），请勿手工修改。\n\n");
        md.append("评价方法见 docs/evaluation-method.md。发布的数据：`marts/parquet/`、`marts/csv/`（UTF-8 带 BOM）和只读的 DuckDB 文件。\n\n");
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                SELECT t.table_name, t.comment AS table_comment, col.column_name, col.data_type, col.is_nullable,
                       col.comment AS column_comment, t.estimated_size
                FROM duckdb_tables() t
                JOIN duckdb_columns() col USING (database_name, schema_name, table_name)
                WHERE t.database_name = current_database() AND t.schema_name = 'main'
                  AND (t.table_name LIKE 'mart\\_%' ESCAPE '\\' OR t.table_name = 'dq_check_result')
                ORDER BY t.table_name LIKE 'mart\\_%' ESCAPE '\\' DESC, t.table_name, col.column_index""")) {
            String current = null;
            while (rs.next()) {
                String table = rs.getString("table_name");
                if (!table.equals(current)) {
                    if (current != null) {
                        md.append("\n");
                    }
                    current = table;
                    md.append("## ").append(table).append("\n\n");
                    md.append(cell(rs.getString("table_comment"))).append("\n\n");
                    md.append("| 字段 | 类型 | 可为空 | 说明 |\n| --- | --- | --- | --- |\n");
                }
                md.append("| `").append(rs.getString("column_name")).append("` | ").append(rs.getString("data_type"))
                        .append(" | ").append(rs.getBoolean("is_nullable") ? "是" : "否")
                        .append(" | ").append(cell(rs.getString("column_comment"))).append(" |\n");
            }
        }
        return md.toString();
    }

    private static String cell(String text) {
        return text == null ? "（无注释）" : text.replace("|", "\\|").replace("\n", " ");
    }
}
