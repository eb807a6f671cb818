package com.qiyouxiang.intake.spreadsheet;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.qiyouxiang.batch.InternalNames;
import com.qiyouxiang.warehouse.Reject;

/**
 * The feedback workbook's layout, read back with POI: the 情况说明 form is the section 四 of 反馈说明 (no sheet of its
 * own), the 数据清单 a sheet of its own only when the notice would not print on one page, and every sheet's print
 * setup (A4, portrait or landscape as it prints larger, fit to width, onto one page when short, repeated header rows,
 * the form on a page of its own when the notice runs on); no cell a reader sees holds a rule id or a reason code.
 */
class FeedbackLayoutTest {

    static final List<FeedbackWorkbooks.Finding> FINDINGS = List.of(
            new FeedbackWorkbooks.Finding("R-CHANGE-QOQ", "H14", "基本养老保险参保人数", "浣东街道", "2024Q2", "C3", 150,
                    "基本养老保险参保人数（浣东街道，2024年第二季度）为 150，比上季度的 100 变动 +50.0%，超过 30%，请核实或填写情况说明", true),
            new FeedbackWorkbooks.Finding("R-CHANGE-QOQ", "H14", "基本养老保险参保人数", "陶朱街道", "2024Q2", "C4", 150,
                    "基本养老保险参保人数（陶朱街道，2024年第二季度）为 150，比上季度的 100 变动 +50.0%，超过 30%，请核实或填写情况说明", true),
            new FeedbackWorkbooks.Finding("R-CHANGE-QOQ", "H14", "基本养老保险参保人数", "暨阳街道", "2024Q2", "C2", 150,
                    "基本养老保险参保人数（暨阳街道，2024年第二季度）为 150，比上季度的 100 变动 +50.0%，超过 30%", false));

    @Test
    void theFormIsTheFourthSectionOfTheNoticeAndTheUsualWorkbookPrintsOnTwoPages(@TempDir Path dir) throws Exception {
        Path written = FeedbackWorkbooks.write(dir, "人社局2024Q2", FINDINGS, List.of(), 20, 100);
        try (XSSFWorkbook wb = new XSSFWorkbook(written.toFile())) {
            // 反馈说明 (with its form and 数据清单) and the marked copy: two sheets, two printed pages
            assertThat(sheetNames(wb)).containsExactly("反馈说明", "Sheet1");
            Sheet notice = wb.getSheet("反馈说明");
            int[] sections = {FeedbackWorkbooks.sectionRow(notice, "一、强制性"), FeedbackWorkbooks.sectionRow(notice, "二、核实性"),
                    FeedbackWorkbooks.sectionRow(notice, "三、提示性"), FeedbackWorkbooks.sectionRow(notice, "四、情况说明"),
                    FeedbackWorkbooks.sectionRow(notice, "五、数据清单")};
            assertThat(sections).isSorted().doesNotContain(-1);
            assertThat(text(notice, sections[0], 0)).endsWith("：无");
            int form = sections[3];
            assertThat(text(notice, form, 0)).contains("共 2 处").contains("黄色").contains("情况说明”文件夹");
            assertThat(cells(notice.getRow(form + 1))).containsExactly(FeedbackNotice.FORM_HEADER);
            // one row per 待核实 figure (not the 已说明 one): 指标, 镇街, 单元格, 期别 in words, the problem, then the
            // yellow 填报人 and 情况说明 to fill in; the rule id in the hidden column I
            for (int r = form + 2; r <= form + 3; r++) {
                Row row = notice.getRow(r);
                assertThat(text(notice, r, 0)).isEqualTo("H14");
                assertThat(text(notice, r, 3)).isEqualTo("2024年第二季度");
                assertThat(text(notice, r, 6)).isEmpty();
                assertThat(row.getCell(5).getCellStyle().getFillForegroundColor()).isEqualTo(IndexedColors.LIGHT_YELLOW.getIndex());
                assertThat(row.getCell(6).getCellStyle().getFillForegroundColor()).isEqualTo(IndexedColors.LIGHT_YELLOW.getIndex());
                assertThat(text(notice, r, 8)).isEqualTo("R-CHANGE-QOQ");
            }
            assertThat(List.of(text(notice, form + 2, 1), text(notice, form + 3, 1))).containsExactly("浣东街道", "陶朱街道");
            // the form ends at a blank row, before 五、数据清单
            assertThat(notice.getRow(form + 4)).isNull();
            assertThat(sections[4]).isEqualTo(form + 5);
            assertThat(notice.isColumnHidden(FeedbackNotice.CODE_COLUMN)).isTrue();
            assertThat(notice.getColumnWidth(FeedbackNotice.TEXT_COLUMN) / 256).as("room to write in").isGreaterThanOrEqualTo(30);
            // the 数据清单: every figure, the rows to the end of the sheet
            assertThat(notice.getLastRowNum() - sections[4] - 1).isEqualTo(FINDINGS.size() + 20);

            // A4, fit to the width and, this short, onto one page, the marked copy too; the notice (140 characters wide,
            // 49 rows) landscape, where it prints at about 60 % instead of 55 %; the narrow copy portrait
            assertThat(notice.getPrintSetup().getLandscape()).isTrue();
            assertThat(wb.getSheet("Sheet1").getPrintSetup().getLandscape()).isFalse();
            for (Sheet s : wb) {
                assertThat(s.getPrintSetup().getPaperSize()).as(s.getSheetName()).isEqualTo(PrintSetup.A4_PAPERSIZE);
                assertThat(s.getFitToPage()).as(s.getSheetName()).isTrue();
                assertThat(s.getPrintSetup().getFitWidth()).as(s.getSheetName()).isEqualTo((short) 1);
                assertThat(s.getPrintSetup().getFitHeight()).as(s.getSheetName()).isEqualTo((short) 1);
                assertThat(s.getFooter().getCenter()).isEqualTo("第 &P 页 共 &N 页");
            }
            assertThat(wb.getSheet("Sheet1").getHeader().getCenter()).isEqualTo("人社局2024Q2.xlsx·Sheet1（已标注问题单元格）　2024年第二季度");
            assertThat(visibleTexts(notice)).noneMatch(t -> InternalNames.PATTERN.matcher(t).find());
        }
    }

    @Test
    void aLongListGetsASheetOfItsOwnWithItsHeaderOnEveryPage(@TempDir Path dir) throws Exception {
        // 80 more figures: the notice with its list would be longer than 100 rows, the list alone is not
        Path written = FeedbackWorkbooks.write(dir.resolve("a"), "人社局2024Q2", FINDINGS, List.of(), 80, 100);
        try (XSSFWorkbook wb = new XSSFWorkbook(written.toFile())) {
            assertThat(sheetNames(wb)).containsExactly("反馈说明", "数据清单", "Sheet1");
            Sheet notice = wb.getSheet("反馈说明");
            int pointer = FeedbackWorkbooks.sectionRow(notice, "五、数据清单");
            assertThat(text(notice, pointer, 0)).endsWith("共 83 项，见“数据清单”表");
            assertThat(notice.getLastRowNum()).isEqualTo(pointer);
            // without its list the notice is short and wide: landscape prints it larger, on one page
            assertThat(notice.getPrintSetup().getFitHeight()).isEqualTo((short) 1);
            assertThat(notice.getPrintSetup().getLandscape()).isTrue();
            Sheet list = wb.getSheet("数据清单");
            assertThat(text(list, 0, 0)).startsWith("数据清单").endsWith("共 83 项");
            assertThat(cells(list.getRow(1))).containsExactly(FeedbackNotice.FIGURES_HEADER);
            assertThat(list.getLastRowNum()).isEqualTo(1 + 83);
            assertThat(list.getRepeatingRows().formatAsString()).isEqualTo("2:2");
            assertThat(list.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 2);
            assertThat(list.getPrintSetup().getLandscape()).isFalse();
            assertThat(list.getPrintSetup().getFitWidth()).isEqualTo((short) 1);
            assertThat(list.getPrintSetup().getFitHeight()).as("85 rows: one page").isEqualTo((short) 1);
            assertThat(list.getHeader().getCenter()).isEqualTo("人社局2024Q2.xlsx·数据清单　2024年第二季度");
            assertThat(visibleTexts(list)).noneMatch(t -> InternalNames.PATTERN.matcher(t).find());
        }
        // 300 more: the list runs on, its header on every page
        written = FeedbackWorkbooks.write(dir.resolve("b"), "人社局2024Q2", FINDINGS, List.of(), 300, 100);
        try (XSSFWorkbook wb = new XSSFWorkbook(written.toFile())) {
            Sheet list = wb.getSheet("数据清单");
            assertThat(list.getLastRowNum()).isEqualTo(1 + 303);
            assertThat(list.getPrintSetup().getFitHeight()).isZero();
            assertThat(list.getRepeatingRows().formatAsString()).isEqualTo("2:2");
        }
        // the threshold is the configuration's: at 20 rows even the 23 figures get their own sheet
        written = FeedbackWorkbooks.write(dir.resolve("c"), "人社局2024Q2", FINDINGS, List.of(), 20, 20);
        try (XSSFWorkbook wb = new XSSFWorkbook(written.toFile())) {
            assertThat(sheetNames(wb)).containsExactly("反馈说明", "数据清单", "Sheet1");
            assertThat(wb.getSheet("反馈说明").getPrintSetup().getFitHeight()).as("the notice is longer than 20 rows").isZero();
            assertThat(wb.getSheet("反馈说明").getPrintSetup().getLandscape()).as("a long notice runs down portrait pages").isFalse();
        }
    }

    @Test
    void aLongNoticeRunsOnAndItsFormStartsAPageOfItsOwn(@TempDir Path dir) throws Exception {
        List<Reject> rejects = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            rejects.add(new Reject("Sheet1", 10L + i, "Sheet1!D" + (10 + i), "abc", "NOT_A_NUMBER", "不是数值：请填写数字"));
        }
        Path written = FeedbackWorkbooks.write(dir, "人社局2024Q2", FINDINGS, rejects, 0, 100);
        try (XSSFWorkbook wb = new XSSFWorkbook(written.toFile())) {
            assertThat(written.getFileName().toString()).endsWith("_退回修改.xlsx");
            Sheet notice = wb.getSheet("反馈说明");
            assertThat(notice.getPrintSetup().getFitHeight()).isZero();
            assertThat(notice.getPrintSetup().getFitWidth()).isEqualTo((short) 1);
            int form = FeedbackWorkbooks.sectionRow(notice, "四、情况说明");
            assertThat(notice.getRowBreaks()).containsExactly(form - 1);
            // the reason codes only in the hidden column
            assertThat(text(notice, FeedbackWorkbooks.sectionRow(notice, "一、强制性") + 2, FeedbackNotice.CODE_COLUMN))
                    .isEqualTo("NOT_A_NUMBER");
            assertThat(visibleTexts(notice)).hasSizeGreaterThan(500).noneMatch(t -> InternalNames.PATTERN.matcher(t).find());
        }
    }

    @Test
    void theRefusedFileNoticePrintsOnOnePage(@TempDir Path dir) throws Exception {
        Path written = RefusedFileFeedback.write(dir, dir.resolve("人社局2024Q2.pdf"), "诸暨市人力资源和社会保障局",
                "不是可读取的表格或数据文件（PDF），请另存为 Excel 工作簿后重新报送");
        try (XSSFWorkbook wb = new XSSFWorkbook(written.toFile())) {
            Sheet notice = wb.getSheetAt(0);
            assertThat(notice.getPrintSetup().getPaperSize()).isEqualTo(PrintSetup.A4_PAPERSIZE);
            assertThat(notice.getFitToPage()).isTrue();
            assertThat(notice.getPrintSetup().getFitWidth()).isEqualTo((short) 1);
            assertThat(notice.getPrintSetup().getFitHeight()).isEqualTo((short) 1);
            assertThat(notice.getHeader().getCenter()).isEqualTo("人社局2024Q2.pdf·退回重报通知");
            assertThat(notice.getFooter().getCenter()).isEqualTo("第 &P 页 共 &N 页");
        }
    }

    static List<String> sheetNames(XSSFWorkbook wb) {
        List<String> names = new ArrayList<>();
        wb.forEach(s -> names.add(s.getSheetName()));
        return names;
    }

    static String text(Sheet sheet, int row, int column) {
        Row r = sheet.getRow(row);
        return r == null || r.getCell(column) == null ? "" : new DataFormatter().formatCellValue(r.getCell(column));
    }

    static List<String> cells(Row row) {
        List<String> cells = new ArrayList<>();
        for (int c = 0; c < row.getLastCellNum(); c++) {
            cells.add(row.getCell(c) == null ? "" : new DataFormatter().formatCellValue(row.getCell(c)));
        }
        return cells;
    }

    static List<String> visibleTexts(Sheet sheet) {
        List<String> texts = new ArrayList<>();
        DataFormatter formatter = new DataFormatter();
        sheet.forEach(row -> row.forEach(cell -> {
            if (!sheet.isColumnHidden(cell.getColumnIndex())) {
                texts.add(formatter.formatCellValue(cell));
            }
        }));
        return texts;
    }
}
