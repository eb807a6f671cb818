package com.qiyouxiang.intake.spreadsheet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.TestInstance;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;

import com.qiyouxiang.WarehouseJobTest;
import com.qiyouxiang.samples.SheetBuilder;
import com.qiyouxiang.warehouse.Warehouse;

/**
 * ingestJob on small files written for one rule each (real xlsx/xls files, real DuckDB): the town
 * layout with every quirk people produce, the same as legacy .xls, the 合计 row, bureau aliases,
 * an unrecognised file, a zip bomb and a non-workbook (refused with a reason while the other files
 * load), CSV and lock files left alone.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SpreadsheetIngestRulesTest extends WarehouseJobTest {

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

    @BeforeAll
    void reference() throws Exception {
        IngestRuns.reference(jobs, referenceJob);
        jdbc = warehouse.jdbc();
    }

    /** A 卫健局 town sheet (template wj-towns) for 2024Q2 with every quirk; rows 5.. are the towns. */
    static SheetBuilder messyTownSheet(String bureauWritten) {
        SheetBuilder s = new SheetBuilder("分镇街");
        s.row("诸暨市2024年1-6月托育服务和儿童发育监测分镇街情况表");                              // 1 title with the period
        s.row("填报单位：" + bureauWritten, null, null, "填报日期：", "2024年7月5日", "填报人：王丽"); // 2 meta, date as text
        s.row("镇街", "常住人口（人）", "托位数（个）", null, "0-3岁儿童", null);                   // 3 header, merged across
        s.row(null, null, "总数", "其中普惠", "儿童数（人）", "筛查数（人）");                        // 4 header, second row
        s.merge(2, 3, 0, 0);
        s.merge(2, 2, 2, 3);
        s.merge(2, 2, 4, 5);
        s.row("暨　阳", "142,000", "６００", "400", 3800, "3,610");      // 5 short name with a full-width space; text numbers
        s.row("浣东街道", "11.2万人", "450个", "６５%", 3000, 2900);       // 6 units in cells; a % where a count belongs
        s.row();                                                         // 7 blank
        s.row("陶朱街道", 131000, new SheetBuilder.Formula("100*5", 500), new SheetBuilder.Error(FormulaError.DIV0), 3500, "—"); // 8
        s.row("暨南", 82000, "/", "/", "暂无", "暂无");                   // 9 no values at all
        s.row("城西新区", 1000, 10, 5, 20, 19);                           // 10 not a town
        s.row("合计", new SheetBuilder.Formula("SUM(B5:B10)", 467_000), 1550, 1100, 10300, 9000); // 11 the bureau's city row
        s.row();                                                         // 12 blank
        s.row("注：1.托位数含普惠性和营利性托育机构托位；");               // 13 footnote
        s.row("2.常住人口为上年末数。");                                   // 14 footnote continues
        s.hiddenSheet("底稿", "暨阳", "999999");
        return s;
    }

    @Test
    void aTownSheetWithEveryQuirk() throws Exception {
        Path inbox = Files.createDirectories(work.resolve("messy"));
        messyTownSheet("诸暨市卫健局").write(inbox.resolve("市卫健局2024年1-6月分镇街托育数据.xlsx"));
        String summary = IngestRuns.summary(IngestRuns.ingest(jobs, ingestJob, inbox));

        Map<String, Object> file = jdbc.queryForMap(
                "SELECT * FROM etl_file WHERE file_name = '市卫健局2024年1-6月分镇街托育数据.xlsx' AND path LIKE '%messy%'");
        assertThat(file.get("status")).isEqualTo("loaded_with_rejects");
        assertThat(file.get("period_code")).isEqualTo("2024Q2");
        assertThat(file.get("bureau_code")).isEqualTo("WJ");
        assertThat((String) file.get("message")).contains("跳过 底稿（隐藏）").contains("填报日期 2024-07-05")
                .contains("填报单位 诸暨市卫健局");
        // rows 1..14: title, meta, 2 header, blank x2, footnote x2 = 8 ignored rows;
        // 6 data rows x 3 figures = 18 records, minus the unknown town (1 reject for its row) = 13 + 1
        assertThat(file.get("rows_read")).isEqualTo(8L + 5 * 3 + 1);
        assertThat((Long) file.get("rows_read")).isEqualTo((Long) file.get("rows_loaded") + (Long) file.get("rows_rejected")
                + (Long) file.get("rows_ignored"));
        assertThat((String) file.get("ignored_detail")).contains("title=1", "meta=1", "header=2", "blank=2", "footnote=2",
                "no_value=4");

        long id = (Long) file.get("file_id");
        assertThat(jdbc.queryForList("SELECT cell_ref || ' ' || reason_code FROM etl_reject WHERE file_id = ? ORDER BY cell_ref",
                String.class, id)).containsExactly(
                "分镇街!A10 UNKNOWN_TOWN",
                "分镇街!D6 UNIT_MISMATCH",
                "分镇街!D8 EXCEL_ERROR");
        // figures: numerators / denominators as cleaned, the rate per the mapping's scale
        assertRate("H01", "330681001", 600.0 / 142000 * 1000, 600.0, 142000.0);
        assertRate("H02", "330681001", 400.0 / 600 * 100, 400.0, 600.0);
        assertRate("H03", "330681001", 3610.0 / 3800 * 100, 3610.0, 3800.0);
        assertRate("H01", "330681002", 450.0 / 112000 * 1000, 450.0, 112000.0);
        assertRate("H01", "330681003", 500.0 / 131000 * 1000, 500.0, 131000.0); // formula: cached value
        assertThat(fact("H01", "330681004")).isEmpty(); // '/' means no value
        // the 合计 row is the city, never a town, and not added to the towns
        assertRate("H01", "330681", 1550.0 / 467000 * 1000, 1550.0, 467000.0);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM fct_indicator_value WHERE file_id = ? AND town_code = '330681'",
                Integer.class, id)).isEqualTo(3);
        // the hidden sheet was not read
        assertThat(jdbc.queryForObject("SELECT count(*) FROM fct_indicator_value WHERE value > 5000 AND indicator_code = 'H01'",
                Integer.class)).isZero();
        assertThat(summary).contains("[loaded_with_rejects] 市卫健局2024年1-6月分镇街托育数据.xlsx -> wj-towns WJ 2024Q2");

        // the feedback workbook: a 反馈说明 sheet and the bad cells highlighted with a comment
        Path feedback;
        try (var files = Files.walk(feedbackDir)) {
            feedback = files.filter(p -> p.toString().contains("市卫健局2024年1-6月分镇街托育数据_退回修改")).findFirst().orElseThrow();
        }
        try (XSSFWorkbook wb = new XSSFWorkbook(feedback.toFile())) {
            assertThat(wb.getSheetAt(0).getSheetName()).isEqualTo("反馈说明");
            assertThat(wb.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).isEqualTo("退回修改通知");
            XSSFSheet copy = wb.getSheet("分镇街");
            XSSFCell bad = copy.getRow(7).getCell(3);
            XSSFComment comment = bad.getCellComment();
            assertThat(comment.getString().getString()).contains("#DIV/0!").contains("请填写实际数值");
            assertThat(copy.getRow(4).getCell(0).getStringCellValue()).isEqualTo("暨　阳");
            assertThat(copy.getRow(4).getCell(2).getCellComment()).isNull();
        }
        assertThat(Files.exists(inbox.resolve("市卫健局2024年1-6月分镇街托育数据.xlsx"))).as("copy mode keeps the inbox file").isTrue();
    }

    @Test
    void legacyXlsLoadsLikeXlsx() throws Exception {
        Path inbox = Files.createDirectories(work.resolve("xls"));
        SheetBuilder s = messyTownSheet("卫生健康委");
        s.write(inbox.resolve("市卫健局2023年第二季度分镇街托育数据.xls"));
        IngestRuns.ingest(jobs, ingestJob, inbox);
        Map<String, Object> file = jdbc.queryForMap("SELECT * FROM etl_file WHERE file_name = '市卫健局2023年第二季度分镇街托育数据.xls'");
        assertThat(file.get("period_code")).as("the title's period wins over the file name's").isEqualTo("2024Q2");
        assertThat(file.get("rows_read")).isEqualTo(24L);
        assertThat(jdbc.queryForList("SELECT cell_ref || ' ' || reason_code FROM etl_reject WHERE file_id = ? ORDER BY cell_ref",
                String.class, file.get("file_id"))).containsExactly("分镇街!A10 UNKNOWN_TOWN", "分镇街!D6 UNIT_MISMATCH",
                "分镇街!D8 EXCEL_ERROR");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM fct_indicator_value WHERE file_id = ?", Integer.class,
                file.get("file_id"))).isZero(); // same figures as the xlsx above: nothing changes
    }

    @Test
    void indicatorRowsWithAUnitCellMergedDown() throws Exception {
        Path inbox = Files.createDirectories(work.resolve("fill-down"));
        SheetBuilder s = new SheetBuilder("教体局");
        s.row("诸暨市教育体育局2024年度七优享指标");
        s.row("填报单位：教体局", null, "填报日期：", 45678.0);
        s.row("序号", "指标名称", "单位", "年度目标", "本期值", "备注");
        int first = s.row(1, "通过国家学前教育普及普惠县省级督导评估率", "‰", 100, 1000, null); // per mille, merged down
        s.row(2, "通过国家义务教育优质均衡发展县省级评估率（%）", null, 100, 1000, null);
        s.merge(first, first + 1, 2, 2);
        s.row(3, "不在模板中的指标", "%", 100, 50, null);
        s.row("说明：评估结果以省厅文件为准。");
        s.write(inbox.resolve("教体局2024年度七优享指标.xls"));
        IngestRuns.ingest(jobs, ingestJob, inbox);
        // 单位 ‰ is filled down (option fill-down: [单位]): 1000‰ = 100%, within range
        assertThat(fact("H04", "330681", "2024")).containsExactly(100.0, null, null);
        assertThat(fact("H05", "330681", "2024")).containsExactly(100.0, null, null);
        assertThat(jdbc.queryForList("""
                SELECT cell_ref || ' ' || reason_code FROM etl_reject WHERE file_name = '教体局2024年度七优享指标.xls'""",
                String.class)).containsExactly("教体局!B6 UNKNOWN_INDICATOR");
        assertThat(jdbc.queryForObject("SELECT ignored_detail FROM etl_file WHERE file_name = '教体局2024年度七优享指标.xls'",
                String.class)).isEqualTo("title=1, meta=1, header=1, footnote=1");
    }

    @Test
    void aBureauNameThatIsNoAliasIsRefused() throws Exception {
        Path inbox = Files.createDirectories(work.resolve("alias"));
        messyTownSheet("市卫生局").write(inbox.resolve("市卫健局2023年第一季度分镇街托育数据.xlsx"));
        String summary = IngestRuns.summary(IngestRuns.ingest(jobs, ingestJob, inbox));
        assertThat(summary).contains("[unrecognised] 市卫健局2023年第一季度分镇街托育数据.xlsx: 填报单位“市卫生局”无法识别");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM fct_indicator_value WHERE period_code = '2023Q1'", Integer.class))
                .as("nothing of a refused file is loaded").isZero();
    }

    @Test
    void refusedFilesAreRecordedAndTheOthersStillLoad() throws Exception {
        Path inbox = Files.createDirectories(work.resolve("mixed"));
        Path valid = inbox.resolve("残联2025年第三季度指标报送.xlsx");
        SheetBuilder cl = new SheetBuilder("Sheet1");
        cl.row("残联2025年第三季度指标报送表");
        cl.row("填报单位：残疾人联合会");
        cl.row("序号", "指标名称", "单位", "年度目标", "本期值", "备注");
        cl.row(1, "“残疾人之家”覆盖率", "%", 94, 0.951, null);
        cl.write(valid);
        SheetBuilder other = new SheetBuilder("名单");
        other.row("姓名", "电话");
        other.write(inbox.resolve("2025年第三季度联系人名单.xlsx"));
        Path bomb = inbox.resolve("市卫健局2025年第三季度分镇街托育数据.xlsx");
        zipBomb(messyTownSheet("卫健局"), bomb);
        Files.writeString(inbox.resolve("卫健局2025年第三季度七优享指标报表.xlsx"), "not a workbook", StandardCharsets.UTF_8);
        Files.writeString(inbox.resolve("低保名单.csv"), "id,name\n1,a\n", StandardCharsets.UTF_8);
        Files.writeString(inbox.resolve("~$残联2025年第三季度指标报送.xlsx"), "lock", StandardCharsets.UTF_8);

        String summary = IngestRuns.summary(IngestRuns.ingest(jobs, ingestJob, inbox));

        List<Map<String, Object>> files = jdbc.queryForList("SELECT file_name, status, message FROM etl_file WHERE path LIKE ? ORDER BY file_name",
                "%" + inbox.getFileName() + "%");
        assertThat(files).extracting(f -> f.get("file_name") + " " + f.get("status")).containsExactlyInAnyOrder(
                "残联2025年第三季度指标报送.xlsx loaded",
                "2025年第三季度联系人名单.xlsx unrecognised",
                "市卫健局2025年第三季度分镇街托育数据.xlsx failed",
                "卫健局2025年第三季度七优享指标报表.xlsx failed");
        assertThat(jdbc.queryForList("SELECT reason_code || ': ' || message_zh FROM etl_reject WHERE file_name = ?", String.class,
                bomb.getFileName().toString())).singleElement().asString().startsWith("ZIP_BOMB: ").contains("压缩炸弹");
        assertThat(jdbc.queryForObject("SELECT reason_code FROM etl_reject WHERE file_name = '卫健局2025年第三季度七优享指标报表.xlsx'",
                String.class)).isEqualTo("UNREADABLE_FILE");
        assertThat(jdbc.queryForObject("SELECT reason_code FROM etl_reject WHERE file_name = '2025年第三季度联系人名单.xlsx'",
                String.class)).isEqualTo("UNRECOGNISED_FILE");
        assertThat(fact("H21", "330681", "2025Q3")).containsExactly(95.1, null, null); // 0.951 in a % column
        assertThat(summary).contains("4 spreadsheets").doesNotContain("低保名单").doesNotContain("~$");
        // refused files stay in the inbox; the loaded one is also archived by date
        assertThat(inbox.resolve("2025年第三季度联系人名单.xlsx")).exists();
        assertThat(bomb).exists();
        try (var archived = Files.walk(archiveDir)) {
            assertThat(archived.map(p -> p.getFileName().toString())).contains("残联2025年第三季度指标报送.xlsx")
                    .doesNotContain("2025年第三季度联系人名单.xlsx");
        }
    }

    private void assertRate(String indicator, String town, double value, double numerator, double denominator) {
        List<Object> f = fact(indicator, town);
        assertThat((Double) f.get(0)).as(indicator + " " + town).isCloseTo(value, org.assertj.core.data.Offset.offset(1e-8));
        assertThat(f.subList(1, 3)).containsExactly(numerator, denominator);
    }

    private List<Object> fact(String indicator, String town) {
        return fact(indicator, town, "2024Q2");
    }

    private List<Object> fact(String indicator, String town, String period) {
        List<Map<String, Object>> rows = jdbc.queryForList("""
                SELECT value, numerator, denominator FROM fct_indicator_value
                WHERE indicator_code = ? AND town_code = ? AND period_code = ? AND is_current""", indicator, town, period);
        return rows.isEmpty() ? List.of() : java.util.Arrays.asList(rows.get(0).get("value"), rows.get(0).get("numerator"),
                rows.get(0).get("denominator"));
    }

    /** A real workbook whose sheet XML is padded with 20 MB of blanks: it inflates over 1000 times. */
    static void zipBomb(SheetBuilder sheet, Path target) throws IOException {
        Path plain = Files.createTempFile("plain", ".xlsx");
        sheet.write(plain);
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(plain));
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(target))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                out.putNextEntry(new ZipEntry(e.getName()));
                byte[] bytes = in.readAllBytes();
                if (e.getName().equals("xl/worksheets/sheet1.xml")) {
                    String xml = new String(bytes, StandardCharsets.UTF_8);
                    int at = xml.indexOf("<sheetData>") + "<sheetData>".length();
                    out.write(xml.substring(0, at).getBytes(StandardCharsets.UTF_8));
                    byte[] blanks = new byte[1 << 20];
                    java.util.Arrays.fill(blanks, (byte) ' ');
                    for (int i = 0; i < 20; i++) {
                        out.write(blanks);
                    }
                    out.write(xml.substring(at).getBytes(StandardCharsets.UTF_8));
                } else {
                    out.write(bytes);
                }
                out.closeEntry();
            }
        }
        Files.delete(plain);
    }
}
