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
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import com.qiyouxiang.batch.SafeText;

/**
 * Writes a query's rows as CSV for Excel: UTF-8 with a byte-order mark (so Excel detects the
 * encoding), CRLF lines, a header of column names. Text cells that a spreadsheet would take for a
 * formula (starting with = + - @, a tab or a carriage return, also after leading spaces) are
 * neutralised with a leading apostrophe by {@link SafeText} (OWASP's advice against CSV injection);
 * numbers are written as numbers, so a negative deviation stays a number.
 */
public final class CsvExport {

    /** JDBC types written as numbers; every other column (text, dates, lists, ...) is neutralised as text. */
    private static final Set<Integer> NUMERIC = Set.of(Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT,
            Types.FLOAT, Types.REAL, Types.DOUBLE, Types.NUMERIC, Types.DECIMAL, Types.BOOLEAN, Types.BIT);

    private CsvExport() {
    }

    public static long write(Connection c, String query, Path target) throws SQLException, IOException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query);
             Writer out = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
            return write(rs, out);
        }
    }

    /**
     * Writes the result set as CSV, BOM first: the one CSV writer of the product (the published marts and
     * {@code jobs/run query --csv}); text columns pass {@link SafeText#csv}, numbers are written as they are.
     */
    public static long write(ResultSet rs, Writer out) throws SQLException, IOException {
        long rows = 0;
        out.write('\uFEFF');
        ResultSetMetaData md = rs.getMetaData();
        int n = md.getColumnCount();
        String[] header = new String[n];
        boolean[] text = new boolean[n];
        for (int i = 0; i < n; i++) {
            header[i] = SafeText.csv(md.getColumnLabel(i + 1));
            int type = md.getColumnType(i + 1);
            text[i] = !NUMERIC.contains(type);
        }
        CSVPrinter printer = new CSVPrinter(out, CSVFormat.EXCEL.builder().setHeader(header).get());
        Object[] record = new Object[n];
        while (rs.next()) {
            for (int i = 0; i < n; i++) {
                String value = rs.getString(i + 1);
                record[i] = text[i] ? SafeText.csv(value) : value;
            }
            printer.printRecord(record);
            rows++;
        }
        printer.flush();
        return rows;
    }

    /** A text cell made safe to open in a spreadsheet (see {@link SafeText#csv}). */
    public static String neutralise(String value) {
        return SafeText.csv(value);
    }
}
