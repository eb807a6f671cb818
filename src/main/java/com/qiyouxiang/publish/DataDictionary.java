package com.qiyouxiang.publish;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

import com.qiyouxiang.batch.SafeText;

/**
 * The data dictionary (数据字典) in Chinese, generated from the warehouse's own table and column
 * comments (COMMENT ON in the schema migrations), so it never drifts from the tables.
 */
public final class DataDictionary {

    private DataDictionary() {
    }

    /** The tables a dictionary covers. */
    public enum Scope {
        /** What publishJob publishes (MartsPublisher): the marts, and nothing else. */
        PUBLISHED("t.table_name LIKE 'mart\\_%' ESCAPE '\\'", "t.table_name"),
        /** Every table of the warehouse, in the order the data flows: dimensions, facts, records, bookkeeping, marts. */
        WAREHOUSE("TRUE", """
                CASE WHEN t.table_name LIKE 'dim\\_%' ESCAPE '\\' THEN 1 WHEN t.table_name LIKE 'fct\\_%' ESCAPE '\\' THEN 2
                     WHEN t.table_name LIKE 'rec\\_%' ESCAPE '\\' THEN 3 WHEN t.table_name LIKE 'etl\\_%' ESCAPE '\\' THEN 4
                     WHEN t.table_name LIKE 'mart\\_%' ESCAPE '\\' THEN 5 WHEN t.table_name = 'dq_check_result' THEN 6 ELSE 7 END,
                t.table_name""");

        private final String filter;
        private final String order;

        Scope(String filter, String order) {
            this.filter = filter;
            this.order = order;
        }
    }

    /** One row per column of the scope's tables: table, table comment, column, type, nullable, column comment. */
    static String columns(Scope scope) {
        return """
                SELECT t.table_name, t.comment AS table_comment, col.column_name, col.data_type, col.is_nullable,
                       col.comment AS column_comment
                FROM duckdb_tables() t
                JOIN duckdb_columns() col USING (database_name, schema_name, table_name)
                WHERE t.database_name = current_database() AND t.schema_name = 'main'
                  AND %s
                ORDER BY %s, col.column_index""".formatted(scope.filter, scope.order);
    }

    /** The same dictionary as a workbook (one sheet, a row per column), for readers who live in Excel. */
    public static void workbook(Connection c, java.nio.file.Path target) throws SQLException, java.io.IOException {
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook();
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(columns(Scope.PUBLISHED))) {
            org.apache.poi.xssf.usermodel.XSSFSheet sheet = wb.createSheet("数据字典");
            String[] headers = {"表名", "表说明", "字段", "类型", "可为空", "字段说明", "发布文件"};
            org.apache.poi.xssf.usermodel.XSSFCellStyle bold = wb.createCellStyle();
            org.apache.poi.xssf.usermodel.XSSFFont font = wb.createFont();
            font.setBold(true);
            bold.setFont(font);
            var header = sheet.createRow(0);
            for (int i = 0; i < headers.length; i++) {
                header.createCell(i).setCellValue(headers[i]);
                header.getCell(i).setCellStyle(bold);
            }
            int r = 1;
            while (rs.next()) {
                var row = sheet.createRow(r++);
                SafeText.cell(row.createCell(0), rs.getString("table_name"));
                SafeText.cell(row.createCell(1), text(rs.getString("table_comment")));
                SafeText.cell(row.createCell(2), rs.getString("column_name"));
                SafeText.cell(row.createCell(3), rs.getString("data_type"));
                SafeText.cell(row.createCell(4), rs.getBoolean("is_nullable") ? "是" : "否");
                SafeText.cell(row.createCell(5), text(rs.getString("column_comment")));
                String table = rs.getString("table_name");
                SafeText.cell(row.createCell(6), "marts/parquet/" + table + ".parquet、marts/csv/" + table + ".csv、qiyouxiang_marts.duckdb");
            }
            int[] widths = {26, 40, 26, 12, 8, 60, 40};
            for (int i = 0; i < widths.length; i++) {
                sheet.setColumnWidth(i, widths[i] * 256);
            }
            sheet.createFreezePane(0, 1);
            sheet.setAutoFilter(new org.apache.poi.ss.util.CellRangeAddress(0, r - 1, 0, headers.length - 1));
            try (var out = java.nio.file.Files.newOutputStream(target)) {
                wb.write(out);
            }
        }
    }

    private static String text(String comment) {
        return comment == null ? "（无注释）" : comment;
    }

    public static String markdown(Connection c) throws SQLException {
        StringBuilder md = new StringBuilder();
        md.append("# 七优享数据仓库 数据字典\n\n");
        md.append("本文件由 publishJob 根据数据仓库中的表和字段注释自动生成（生成时间：")
                .append(LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"))).append("），请勿手工修改。\n\n");
        md.append("亮灯、得分和问题的计算按市政府印发的评价办法。每张表发布为三种文件：`marts/parquet/<表名>.parquet`、"
                + "`marts/csv/<表名>.csv`（UTF-8 带 BOM）和只读的 BI 数据文件 `qiyouxiang_marts.duckdb` 中的同名表；"
                + "本字典只列出这些文件中的表和字段。\n\n");
        md.append(tables(c, Scope.PUBLISHED));
        return md.toString();
    }

    /** One section per table of the scope: its comment, then a row per column (字段, 类型, 可为空, 说明). */
    public static String tables(Connection c, Scope scope) throws SQLException {
        StringBuilder md = new StringBuilder();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(columns(scope))) {
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
                    if (scope == Scope.PUBLISHED) {
                        md.append("发布文件：`marts/parquet/").append(table).append(".parquet`、`marts/csv/").append(table)
                                .append(".csv`、`qiyouxiang_marts.duckdb`（表 ").append(table).append("）\n\n");
                    }
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
