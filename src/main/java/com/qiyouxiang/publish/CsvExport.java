package com.qiyouxiang.publish;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes a query's rows as CSV for Excel: UTF-8 with a byte-order mark (so Excel detects the
 * encoding), CRLF lines, a header of column names. Text cells that a spreadsheet would take for a
 * formula (starting with = + - @, a tab or a carriage return) are neutralised with a leading
 * apostrophe (OWASP's advice against CSV injection); numbers are written as numbers, so a negative
 * deviation stays a number.
 */
public final class CsvExport {

    private CsvExport() {
    }

    public static long write(Connection c, String query, Path target) throws SQLException, IOException {
        long rows = 0;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query);
             Writer out = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
            out.write('\uFEFF');
            ResultSetMetaData md = rs.getMetaData();
            int n = md.getColumnCount();
            String[] header = new String[n];
            boolean[] text = new boolean[n];
            for (int i = 0; i < n; i++) {
                header[i] = md.getColumnLabel(i + 1);
                int type = md.getColumnType(i + 1);
                text[i] = type == Types.VARCHAR || type == Types.CHAR || type == Types.LONGVARCHAR || type == Types.OTHER;
            }
            try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.EXCEL.builder().setHeader(header).get())) {
                Object[] record = new Object[n];
                while (rs.next()) {
                    for (int i = 0; i < n; i++) {
                        String value = rs.getString(i + 1);
                        record[i] = text[i] ? neutralise(value) : value;
                    }
                    printer.printRecord(record);
                    rows++;
                }
            }
        }
        return rows;
    }

    /** A text cell made safe to open in a spreadsheet: formula triggers get a leading apostrophe. */
    public static String neutralise(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + value : value;
    }
}
