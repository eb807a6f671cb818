package com.qiyouxiang.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.qiyouxiang.batch.InjectionStrings;

/** CSV exports open safely in Excel: a BOM, and formula-looking text neutralised while numbers stay numbers. */
class CsvExportTest {

    @Test
    void neutralisesFormulaTriggersInTextAndKeepsNumbers(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("t.csv");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute("""
                    CREATE TABLE t AS SELECT * FROM (VALUES
                        (1, '=HYPERLINK("http://x","y")', -0.05), (2, '+1+1', 3.5), (3, '-2+3', -1.0),
                        (4, '@SUM(A1)', 0.0), (5, chr(9) || 'tab', 1.0), (6, chr(13) || 'cr', 1.0),
                        (7, '暨阳街道', 2.0), (8, 'a=b', 2.0), (9, NULL, NULL)) v(id, name, deviation)""");
            assertThat(CsvExport.write(c, "SELECT * FROM t ORDER BY id", csv)).isEqualTo(9);
        }
        byte[] bytes = Files.readAllBytes(csv);
        assertThat(bytes[0]).isEqualTo((byte) 0xEF);
        assertThat(bytes[1]).isEqualTo((byte) 0xBB);
        assertThat(bytes[2]).isEqualTo((byte) 0xBF);
        try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            in.skip(1);
            List<CSVRecord> records = CSVFormat.EXCEL.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
            assertThat(records).extracting(r -> r.get("name")).containsExactly(
                    "'=HYPERLINK(\"http://x\",\"y\")", "'+1+1", "'-2+3", "'@SUM(A1)", "'\ttab", "'\rcr", "暨阳街道", "a=b", "");
            assertThat(records).extracting(r -> r.get("deviation")).startsWith("-0.05", "3.50", "-1.00");
        }
    }

    @Test
    void classicInjectionStringsWithLeadingWhitespace(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("evil.csv");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
            InjectionStrings.table(c, "t", -2.5);
            CsvExport.write(c, "SELECT * FROM t ORDER BY id", csv);
        }
        try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            assertThat(in.read()).isEqualTo(0xFEFF);
            List<CSVRecord> records = CSVFormat.EXCEL.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
            assertThat(records).extracting(r -> r.get("name")).containsExactlyElementsOf(InjectionStrings.neutralised());
            assertThat(records).extracting(r -> r.get("deviation")).containsOnly("-2.5");
        }
    }

    @Test
    void neutraliseLeavesOrdinaryTextAlone() {
        assertThat(CsvExport.neutralise("H01-2026Q2")).isEqualTo("H01-2026Q2");
        assertThat(CsvExport.neutralise("-")).isEqualTo("'-");
        assertThat(CsvExport.neutralise("")).isEmpty();
        assertThat(CsvExport.neutralise(null)).isNull();
    }
}
