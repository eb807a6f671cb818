package com.qiyouxiang.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.qiyouxiang.batch.InjectionStrings;
import com.qiyouxiang.batch.SafeText;

/**
 * The classic injection strings through the quarterly report (workbook and HTML) and the data dictionary
 * workbook: string cells only, never a formula, and HTML-escaped in the page.
 */
class ReportNeutralisedTest {

    @Test
    void reportWorkbookAndPageHoldInjectionStringsAsText(@TempDir Path dir) throws Exception {
        ReportData data = new ReportData("2026Q3", evilRows(ReportSection.agenda()), evilRows(ReportSection.all()));
        Path xlsx = dir.resolve("report.xlsx");
        QuarterlyReportWorkbook.write(data, xlsx);
        assertThat(InjectionStrings.stringCellsWithoutFormulas(xlsx)).containsAll(InjectionStrings.ALL);

        String html = QuarterlyReportHtml.render(data);
        for (String evil : InjectionStrings.ALL) {
            assertThat(html).contains(SafeText.html(evil));
        }
        assertThat(html).doesNotContain("=HYPERLINK(\"http");
    }

    @Test
    void dataDictionaryWorkbookHoldsCommentsAsText(@TempDir Path dir) throws Exception {
        Path xlsx = dir.resolve("dict.xlsx");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE mart_evil (a VARCHAR)");
            s.execute("COMMENT ON TABLE mart_evil IS '=HYPERLINK(\"http://x\",\"y\")'");
            s.execute("COMMENT ON COLUMN mart_evil.a IS '@SUM(1+1)'");
            DataDictionary.workbook(c, xlsx);
        }
        assertThat(InjectionStrings.stringCellsWithoutFormulas(xlsx)).contains("=HYPERLINK(\"http://x\",\"y\")", "@SUM(1+1)");
    }

    /** Every section's rows with each text column holding one injection string. */
    private static Map<ReportSection, List<Map<String, Object>>> evilRows(List<ReportSection> which) {
        Map<ReportSection, List<Map<String, Object>>> sections = new LinkedHashMap<>();
        for (ReportSection section : which) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (String evil : InjectionStrings.ALL) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (ReportSection.Column col : section.columns()) {
                    row.put(col.key(), switch (col.kind()) {
                        case TEXT -> evil;
                        case LIGHT -> "green";
                        case FLAG -> true;
                        default -> 1.0;
                    });
                }
                row.putIfAbsent("indicator_code", evil);
                row.putIfAbsent("indicator_name", evil);
                row.putIfAbsent("town_name", evil);
                row.putIfAbsent("domain_name", evil);
                row.putIfAbsent("town_value", 1.0);
                rows.add(row);
            }
            sections.put(section, rows);
        }
        return sections;
    }
}
