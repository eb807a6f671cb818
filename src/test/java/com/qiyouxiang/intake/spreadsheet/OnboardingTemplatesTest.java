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
