package com.qiyouxiang.intake.spreadsheet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.qiyouxiang.WarehouseJobTest;
import com.qiyouxiang.warehouse.Warehouse;

/**
 * Templates a clerk onboards with one mapping and no Java, on workbooks written here with POI's usermodel
 * (styled, merged, dates as date cells; unlike the sample generator's SheetBuilder): a qualified 填报单位
 * (填报单位（盖章）, (公章), 填报单位名称). The mappings are the installed ones plus src/test/resources/onboarding.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OnboardingTemplatesTest extends WarehouseJobTest {

    @TempDir
    static Path work;

    @Autowired
    JobOperatorTestUtils jobs;
    @Autowired
    @Qualifier("referenceJob")
    Job referenceJob;
    @Autowired
    @Qualifier("ingestJob")
    Job ingestJob;
    @Autowired
    Warehouse warehouse;
    @Autowired
    com.qiyouxiang.warehouse.FileLimits limits;
    @Autowired
    com.qiyouxiang.validation.ValueRules rules;
    @Autowired
    IngestProperties ingest;
    JdbcTemplate jdbc;

    @DynamicPropertySource
    static void sources(DynamicPropertyRegistry registry) throws IOException {
        Path dir = Files.createTempDirectory("qyx-onboarding-sources"); // @TempDir is not there yet when the context starts
        dir.toFile().deleteOnExit();
        try (Stream<Path> installed = Files.list(Path.of("jobs/sources/spreadsheets"));
             Stream<Path> fixtures = Files.list(Path.of("src/test/resources/onboarding"))) {
            for (Path f : Stream.concat(installed, fixtures).toList()) {
                Files.copy(f, dir.resolve(f.getFileName()));
            }
        }
        registry.add("qyx.ingest.sources-dir", dir::toString);
    }

    @BeforeAll
    void reference() throws Exception {
        IngestRuns.reference(jobs, referenceJob);
        jdbc = warehouse.jdbc();
    }

    @Test
    void aQualifiedBureauLoads() throws Exception {
        Path inbox = Files.createDirectories(work.resolve("qualified"));
        report(inbox.resolve("人社局2025年第一季度重点指标完成情况.xlsx"), "2025年第一季度", "填报单位（盖章）：诸暨市人力资源和社会保障局",
                "本期值", 4.1);
        report(inbox.resolve("人社局2025年第二季度重点指标完成情况.xlsx"), "2025年第二季度", "填报单位名称(公章)：市人社局", "本期值", 4.2);
        String summary = IngestRuns.summary(IngestRuns.ingest(jobs, ingestJob, inbox));
        assertThat(summary).contains("[loaded] 人社局2025年第一季度重点指标完成情况.xlsx -> rs-quarterly-report RS 2025Q1 revision 1")
                .contains("[loaded] 人社局2025年第二季度重点指标完成情况.xlsx -> rs-quarterly-report RS 2025Q2 revision 1");
        assertThat(jdbc.queryForList("SELECT message FROM etl_file WHERE mapping_id = 'rs-quarterly-report' ORDER BY period_code",
                String.class)).allSatisfy(m -> assertThat(m).contains("填报日期 2025-"))
                .first().asString().contains("填报单位 诸暨市人力资源和社会保障局");
        assertThat(jdbc.queryForList("SELECT indicator_code || ' ' || period_code || ' ' || value FROM fct_indicator_value"
                + " WHERE source_file LIKE '人社局2025年第%重点指标完成情况.xlsx' ORDER BY 1", String.class)).containsExactly(
                "H07 2025Q1 4.1", "H07 2025Q2 4.2", "T17 2025Q1 1.2", "T17 2025Q2 1.2", "T19 2025Q1 95.0", "T19 2025Q2 95.0");
    }

    @Test
    void anUnknownBureauNamesTheOptionForTheClerk() throws Exception {
        Path inbox = Files.createDirectories(work.resolve("unknown"));
        report(inbox.resolve("人社局2025年第三季度重点指标完成情况.xlsx"), "2025年第三季度", "填报单位〔盖章〕：诸暨市人力资源和社会保障局",
                "本期值", 4.0);
        String summary = IngestRuns.summary(IngestRuns.ingest(jobs, ingestJob, inbox));
        assertThat(summary).contains("[unrecognised] 人社局2025年第三季度重点指标完成情况.xlsx: 填报单位“〔盖章〕:诸暨市人力资源和社会保障局”无法识别，"
                + "请填写标准单位名称（如“诸暨市卫生健康局”） [mapping: the 填报单位 cell reads '〔盖章〕:诸暨市人力资源和社会保障局' after removing"
                + " the qualifiers of option 'meta-qualifiers'");
        assertThat(jdbc.queryForObject("SELECT message FROM etl_file WHERE file_name = '人社局2025年第三季度重点指标完成情况.xlsx'",
                String.class)).as("the bureau reads Chinese only").doesNotContain("mapping").doesNotContain("meta-");
    }

    @Test
    void oneMappingServesFourQuartersWhoseHeadersCarryTheirPeriods() throws Exception {
        Path inbox = Files.createDirectories(work.resolve("quarters"));
        String[][] quarters = {{"第一季度", "一季度完成值"}, {"第二季度", "1-6月完成值"}, {"第三季度", "1－9月完成值"}, {"第四季度", "1-12月完成值"}};
        for (int q = 0; q < 4; q++) {
            report(inbox.resolve("人社局2024年" + quarters[q][0] + "重点指标完成情况.xlsx"), "2024年" + quarters[q][0],
                    "填报单位：市人社局", quarters[q][1], 4.0 + q / 10.0);
        }
        String summary = IngestRuns.summary(IngestRuns.ingest(jobs, ingestJob, inbox));
        for (int q = 1; q <= 4; q++) {
            assertThat(summary).contains("-> rs-quarterly-report RS 2024Q" + q + " revision 1: read 7 = loaded 3 + rejected 0");
        }
        assertThat(jdbc.queryForList("SELECT period_code || ' ' || value FROM fct_indicator_value WHERE indicator_code = 'H07'"
                + " AND source_file LIKE '人社局2024年%重点指标完成情况.xlsx' ORDER BY 1", String.class))
                .containsExactly("2024Q1 4.0", "2024Q2 4.1", "2024Q3 4.2", "2024Q4 4.3");
    }

    @Test
    void aHeaderThatNoAlternativeMatchesNamesTheKeyForTheClerk() throws Exception {
        Path inbox = Files.createDirectories(work.resolve("typo"));
        report(inbox.resolve("人社局2023年第一季度重点指标完成情况.xlsx"), "2023年第一季度", "填报单位：市人社局", "一季度完成植", 4.0);
        String summary = IngestRuns.summary(IngestRuns.ingest(jobs, ingestJob, inbox));
        assertThat(summary).contains("[unrecognised] 人社局2023年第一季度重点指标完成情况.xlsx: 工作表“完成情况”的表头缺少“本期值”或“{期间}完成值”列，"
                + "与模板“rs-quarterly-report”不符 [mapping: header has no column '本期值|{期间}完成值' (mapping key 'value-column');"
                + " the header read: 序号 | 指标 | 计量单位 | 目标值 | 一季度完成植 | 备注");
    }

    // ---- per-figure options, on a workbook of hand-built XML ---------------------------------------------

    @Test
    void anAnnualColumnInAQuarterlySheetAndARateWithABadNumerator() throws Exception {
        Path inbox = Files.createDirectories(work.resolve("annual-column"));
        Path file = inbox.resolve("民政局2026年第三季度养老服务季报.xlsx");
        HandBuiltXlsx.write(file, "分镇街", List.of(
                List.of("诸暨市2026年第三季度养老服务情况（分镇街）"),
                List.of(),
                List.of("镇街", "60岁及以上老年人口（人）", "1-9月持证养老护理员数（人）"),
                List.of("暨阳街道", 25000, 30),
                List.of("浣东街道", 18000, "十二"),
                List.of("陶朱", 20000, 24)));
        SpreadsheetIngester.Checked checked = check(file, null);
        assertThat(checked.report()).contains("Mapping: mz-care-quarterly (")
                .contains("    B 60岁及以上老年人口 -> C02 60岁及以上老年人口 (figures[1].column), unit 人, period year")
                .contains("    C 1-9月持证养老护理员数 -> numerator of H13 ")
                .contains("  分镇街!B5: loads C02 60岁及以上老年人口 | 浣东街道 | 2026 | 18000 人")
                .contains("  分镇街!C5: rejected NOT_A_NUMBER '十二'")
                .contains("  分镇街!C4: loads H13 ").contains("| 暨阳街道 | 2026Q3 | 12 ");
        String summary = IngestRuns.summary(IngestRuns.ingest(jobs, ingestJob, inbox));
        assertThat(summary).contains("[loaded_with_rejects] 民政局2026年第三季度养老服务季报.xlsx -> mz-care-quarterly MZ 2026Q3 revision 1:"
                + " read 9 = loaded 5 + rejected 1 + ignored 3");
        assertThat(jdbc.queryForList("SELECT indicator_code || ' ' || town_code || ' ' || period_code || ' ' || value"
                + " FROM fct_indicator_value WHERE source_file = '" + file.getFileName() + "' ORDER BY 1", String.class)).containsExactly(
                "C02 330681001 2026 25000.0", "C02 330681002 2026 18000.0", "C02 330681003 2026 20000.0",
                "H13 330681001 2026Q3 12.0", "H13 330681003 2026Q3 12.0");
        assertThat(jdbc.queryForList("SELECT cell_ref || ' ' || reason_code FROM etl_reject WHERE file_name = '" + file.getFileName() + "'",
                String.class)).containsExactly("分镇街!C5 NOT_A_NUMBER");
    }

    @Test
    void aHeaderThatMovedAColumnStillMatchesAndADifferentLayoutIsReportedWithTheDifference() throws Exception {
        Path dir = Files.createDirectories(work.resolve("layouts"));
        Path moved = dir.resolve("民政局2026年第二季度养老服务季报.xlsx");
        HandBuiltXlsx.write(moved, "分镇街", List.of(List.of("诸暨市2026年第二季度养老服务情况"),
                List.of("序号", "1-6月持证养老护理员数（人）", "镇街", "60岁及以上老年人口（人）"),
                List.of(1, 30, "暨阳街道", 25000)));
        assertThat(check(moved, null).report()).contains("  分镇街!D3: loads C02 ").contains("| 暨阳街道 | 2026 | 25000 人")
                .contains("  分镇街!B3: loads H13 ").contains("| 暨阳街道 | 2026Q2 | 12 ");
        Path other = dir.resolve("民政局2026年第一季度养老服务季报.xlsx");
        HandBuiltXlsx.write(other, "分镇街", List.of(List.of("诸暨市2026年第一季度养老服务情况"),
                List.of("镇街", "户籍人口（人）", "养老床位数（张）"), List.of("暨阳街道", 25000, 300)));
        assertThat(check(other, null).report())
                .contains("  bureau reads: 工作表“分镇街”的表头缺少“60岁及以上老年人口”、“{期间}持证养老护理员数”或“持证养老护理员数”列，与模板“mz-care-quarterly”不符")
                .contains("  clerk: no layout of the template fits: layout '(the mapping's own)': header has no column '60岁及以上老年人口'"
                        + " (figures[1] (C02) 'column'), no column '{期间}持证养老护理员数|持证养老护理员数' (figures[2] (H13) 'numerator')")
                .contains("; columns the mapping does not read: 户籍人口 | 养老床位数 (a different layout: a new mapping, or these as alternatives)")
                .contains("; layout '2025版': no row has a cell starting with option 'header-marker' (镇乡)");
        // the template's other layout (民政局's until 2025): its own column names, the population in 万人
        Path old = dir.resolve("民政局2025年第四季度养老服务季报.xlsx");
        HandBuiltXlsx.write(old, "分镇街", List.of(List.of("诸暨市2025年第四季度养老服务情况"),
                List.of("镇乡（街道）", "老年人口数", "护理员人数"), List.of("暨阳街道", 2.5, 30)));
        assertThat(check(old, null).report()).contains("sheets read: 分镇街（版式 2025版）")
                .contains("  分镇街!B3: loads C02 ").contains("| 暨阳街道 | 2025 | 25000 人 (written '2.5')")
                .contains("  分镇街!C3: loads H13 ").contains("| 暨阳街道 | 2025Q4 | 12 ");
        Path older = dir.resolve("民政局2024年第四季度养老服务季报.xlsx");
        HandBuiltXlsx.write(older, "分镇街", List.of(List.of("诸暨市2024年第四季度养老服务情况"),
                List.of("镇乡（街道）", "老年人口（万人）", "护理员人数"), List.of("暨阳街道", 2.5, 30)));
        assertThat(check(older, null).report()).contains("sheets read: 分镇街（版式 2024版）")
                .contains("denominator of H13 ").contains("(figures[1].denominator), written in 万人, loaded in 人 (x 10000.0)")
                .contains("  分镇街!C3: loads H13 ").contains("| 暨阳街道 | 2024Q4 | 12 ").contains("(= 30 / 25000)");
    }

    // ---- jobs/run check: the same classes, nothing written ------------------------------------------

    @Test
    void checkPrintsTheMappingTheHeaderEveryRecordAndTheCountsAndWritesNothing() throws Exception {
        Path file = Files.createDirectories(work.resolve("check-ok")).resolve("人社局2026年第三季度重点指标完成情况.xlsx");
        report(file, "2026年第三季度", "填报单位（盖章）：诸暨市人力资源和社会保障局", "1-9月完成值", 4.4);
        long files = jdbc.queryForObject("SELECT count(*) FROM etl_file", Long.class);
        long rules = jdbc.queryForObject("SELECT count(*) FROM fct_rule_result", Long.class);
        SpreadsheetIngester.Checked checked = check(file, null);
        assertThat(checked.report()).contains("Mapping: rs-quarterly-report (")
                .contains("Sheet 完成情况, every record:\n  完成情况 row 1: ignored (title)\n  完成情况 row 2: ignored (meta)\n")
                .contains("  完成情况 row 4: ignored (header)\n  the header, as resolved (column, header text -> what it is):\n"
                        + "    B 指标 -> the indicator name (indicator-column)\n    C 计量单位 -> the unit (unit-column)\n"
                        + "    E 1-9月完成值 -> the value (value-column)\n    F 备注 -> the remark")
                .contains("  完成情况!E5: loads H07 城镇调查失业率 | 全市 | 2026Q3 | 4.4 % (written '4.4')")
                .contains("  完成情况!E6: loads T17 ").contains("| 2026Q3 | 1.2 万人 (written '1.2')")
                .contains("Period: 2026Q3; sheets read: 完成情况; 填报单位 诸暨市人力资源和社会保障局")
                .contains("Reconciliation: read 7 = loaded 3 + rejected 0 + ignored 4 (title=1, meta=1, blank=1, header=1) (reconciles)")
                .contains("Outcome: the ingest would load this file: 3 figures");
        assertThat(checked.exitCode()).isIn(0, 4);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM etl_file", Long.class)).isEqualTo(files);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM fct_rule_result", Long.class)).isEqualTo(rules);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM fct_indicator_value WHERE period_code = '2026Q3' AND source_file = '"
                + file.getFileName() + "'", Long.class)).isZero();
    }

    @Test
    void checkOfANearMissNamesTheMissingHeaderAndTheOption() throws Exception {
        Path file = Files.createDirectories(work.resolve("check-typo")).resolve("人社局2026年第二季度重点指标完成情况.xlsx");
        report(file, "2026年第二季度", "填报单位：市人社局", "1-6月完成植", 4.0);
        SpreadsheetIngester.Checked checked = check(file, null);
        assertThat(checked.report()).contains("Mapping: rs-quarterly-report (")
                .contains("Not loaded: the file does not fit the mapping\n  bureau reads: 工作表“完成情况”的表头缺少“本期值”或“{期间}完成值”列")
                .contains("  clerk: header has no column '本期值|{期间}完成值' (mapping key 'value-column'); the header read: 序号 | 指标 | 计量单位"
                        + " | 目标值 | 1-6月完成植 | 备注")
                .contains("Outcome: the ingest would refuse this file");
        assertThat(checked.exitCode()).isEqualTo(2);
    }

    @Test
    void checkOfAFileNoMappingMatchesSaysWhyEachFails() throws Exception {
        Path file = Files.createDirectories(work.resolve("check-none")).resolve("某单位2026年第三季度情况.xlsx");
        report(file, "2026年第三季度", "填报单位：市人社局", "本期值", 4.0);
        SpreadsheetIngester.Checked checked = check(file, null);
        assertThat(checked.report()).contains("Mapping: none fits (sheets: 完成情况)")
                .contains("  rs-quarterly-report (").contains("): the file name does not match recognise.file-name '人社.*重点指标完成情况';"
                        + " the sheets, header and bureau fit: widen recognise.file-name")
                .contains("  wj-towns (").contains("no visible sheet matches recognise.sheet");
        assertThat(checked.exitCode()).isEqualTo(2);
        // the same file with the mapping named: read as that mapping would read it, with a note that the ingest would not
        SpreadsheetIngester.Checked forced = check(file, "rs-quarterly-report");
        assertThat(forced.report()).contains("note: the ingest would recognise no mapping for this file")
                .contains("Outcome: the ingest would load this file: 3 figures");
    }

    private SpreadsheetIngester.Checked check(Path file, String mappingId) throws Exception {
        SourceMappings mappings = SourceMappings.load(ingest.ingest().sourcesDir());
        try (java.sql.Connection c = warehouse.connect()) {
            c.setAutoCommit(false);
            SpreadsheetIngester ingester = new SpreadsheetIngester(mappings, ReferenceData.load(c), rules, ingest, limits, null);
            try {
                return ingester.check(c, file, mappingId == null ? null : mappings.byId(mappingId));
            } finally {
                c.rollback();
            }
        }
    }

    /**
     * 人社局's 重点指标完成情况 as another program writes it: a bold merged title, the 填报单位 line merged across, 填报日期 as a
     * date cell, a filled and bordered header 序号 | 指标 | 计量单位 | 目标值 | {valueHeader} | 备注, three indicators.
     */
    static void report(Path file, String period, String bureauLine, String valueHeader, double unemployment) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            XSSFSheet sheet = wb.createSheet("完成情况");
            XSSFCellStyle title = wb.createCellStyle();
            XSSFFont big = wb.createFont();
            big.setBold(true);
            big.setFontHeightInPoints((short) 16);
            title.setFont(big);
            XSSFCellStyle head = wb.createCellStyle();
            head.setFillForegroundColor(IndexedColors.LIGHT_CORNFLOWER_BLUE.getIndex());
            head.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            head.setBorderBottom(BorderStyle.MEDIUM);
            XSSFCellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy\"年\"m\"月\"d\"日\""));
            XSSFRow r0 = sheet.createRow(0);
            r0.createCell(0).setCellValue("诸暨市" + period + "七优享重点指标完成情况");
            r0.getCell(0).setCellStyle(title);
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, 5));
            XSSFRow r1 = sheet.createRow(1);
            r1.createCell(0).setCellValue(bureauLine);
            sheet.addMergedRegion(new CellRangeAddress(1, 1, 0, 2));
            r1.createCell(3).setCellValue("填报日期");
            r1.createCell(4).setCellValue(LocalDate.of(2025, 10, 9));
            r1.getCell(4).setCellStyle(date);
            XSSFRow h = sheet.createRow(3); // row 3 left empty: a gap other programs leave
            String[] header = {"序号", "指标", "计量单位", "目标值", valueHeader, "备注"};
            for (int i = 0; i < header.length; i++) {
                h.createCell(i).setCellValue(header[i]);
                h.getCell(i).setCellStyle(head);
            }
            Object[][] rows = {{1, "城镇调查失业率", "%", "≤5", unemployment}, {2, "城镇新增就业人数", "万人", "1.5", 1.2},
                    {3, "劳动争议仲裁结案率", "%", "92", "95%"}};
            for (int i = 0; i < rows.length; i++) {
                XSSFRow r = sheet.createRow(4 + i);
                for (int j = 0; j < rows[i].length; j++) {
                    if (rows[i][j] instanceof Number n) {
                        r.createCell(j).setCellValue(n.doubleValue());
                    } else {
                        r.createCell(j).setCellValue((String) rows[i][j]);
                    }
                }
            }
            sheet.setColumnWidth(1, 30 * 256);
            try (OutputStream out = Files.newOutputStream(file)) {
                wb.write(out);
            }
        }
    }

    static List<String> lines(String summary) {
        return summary.lines().toList();
    }
}
