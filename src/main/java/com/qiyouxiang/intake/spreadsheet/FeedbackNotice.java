package com.qiyouxiang.intake.spreadsheet;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import com.qiyouxiang.batch.PrintLayout;
import com.qiyouxiang.batch.SafeText;
import com.qiyouxiang.intake.spreadsheet.FeedbackWorkbookWriter.Flag;
import com.qiyouxiang.intake.spreadsheet.FeedbackWorkbookWriter.Summary;
import com.qiyouxiang.warehouse.Reject;

/**
 * The 反馈说明 sheet of a feedback workbook, and its 数据清单 sheet when the list is long. 反馈说明 holds, in one grid
 * of columns A-H (I hidden, the codes): the file and its counts, the 说明 paragraph, then
 * <ol>
 * <li>一、强制性 (rejected cells, to be corrected and sent again), 二、核实性 (loaded; 待核实, or 已说明 with its
 * explanation), 三、提示性 (for information): each problem with its cell, what was there and what is expected;</li>
 * <li>四、情况说明: the explanation form, one row per 待核实 figure in the explanation-file layout (指标, 镇街, 期别,
 * 情况说明, 填报人, 规则编号 hidden in column I), its problem in a line (the item of 二 it answers, the indicator, the
 * value: the text of the finding is in 二): the bureau fills in the yellow 情况说明 and 填报人 cells and puts
 * the workbook back into the inbox's 情况说明 folder ({@code validation.ExplanationFileReader} finds the form under
 * its section title and reads it to its first blank row);</li>
 * <li>五、数据清单: every figure of the file with its outcome, so the bureau sees what was accepted too; when the whole
 * notice would be longer than {@code onePageRows}, the list is a sheet of its own, 数据清单, with its header row
 * repeated on every printed page, and the section points to it.</li>
 * </ol>
 * A sheet of at most {@code onePageRows} rows is shrunk onto one printed page, portrait or landscape as it prints
 * larger ({@link PrintLayout#fit}); a longer one runs down portrait pages, fit to the width, and the form then starts a
 * page of its own.
 */
final class FeedbackNotice {

    static final String SHEET = FeedbackWorkbookWriter.SUMMARY_SHEET;
    static final String FIGURES_SHEET = "数据清单";
    static final String FORM_TITLE = "四、情况说明";
    static final String FIGURES_TITLE = "五、数据清单";
    /** The header of the 数据清单 (the fields of feedback_figures.sql, 指标名称·镇街·期别 in one column). */
    static final String[] FIGURES_HEADER = {"行", "工作表", "单元格", "报送值", "指标·镇街·期别", "处理结果", "问题及要求"};
    /** The form's header: the explanation-file columns, each under the column of the lists above that fits it. */
    static final String[] FORM_HEADER = {"指标", "镇街", "单元格", "期别", "问题", "填报人", "情况说明", "", "规则编号"};
    /** The hidden column of 反馈说明 holding the reason codes and rule ids (the clerk may filter on it). */
    static final int CODE_COLUMN = 8;
    /** The columns of 反馈说明, A-I. */
    private static final int COLUMNS = CODE_COLUMN + 1;
    static final String CODE_HEADER = "代码（筛选用）";
    /** The columns the bureau fills in (F 填报人, G 情况说明). */
    static final int REPORTER_COLUMN = 5;
    static final int TEXT_COLUMN = 6;
    /** The narrower columns of 反馈说明 and 数据清单 (A 序号/行, G 情况说明/问题及要求); the others up to 50. */
    private static final Map<Integer, Integer> CAPS = Map.of(0, 10, TEXT_COLUMN, 30);

    private FeedbackNotice() {
    }

    /** The bold, the wrapping and the to-fill-in (yellow) styles. */
    record Styles(CellStyle bold, CellStyle wrap, CellStyle toFill) {

        static Styles of(SXSSFWorkbook wb, CellStyle toFill) {
            CellStyle bold = wb.createCellStyle();
            org.apache.poi.ss.usermodel.Font b = wb.createFont();
            b.setBold(true);
            bold.setFont(b);
            CellStyle wrap = wb.createCellStyle();
            wrap.setWrapText(true);
            wrap.setVerticalAlignment(VerticalAlignment.TOP);
            return new Styles(bold, wrap, toFill);
        }
    }

    /** Writes 反馈说明 (and 数据清单 when the list is long), print set up; the sheets are the workbook's first. */
    static void write(SXSSFWorkbook wb, List<Reject> rejects, List<Flag> flags, List<String[]> figures, Summary summary,
                      Styles styles, int onePageRows) {
        String title = FeedbackWorkbookWriter.title(summary, flags);
        String period = PrintLayout.periodZh(summary.period());
        Sheet s = wb.createSheet(SHEET);
        PrintLayout.Widths widths = new PrintLayout.Widths(4, 50, CAPS);
        long added = flags.stream().filter(Flag::added).count();
        int explanationRow = head(s, summary, title, added, styles);
        int r = explanationRow + 2;
        List<Flag> verify = flags.stream().filter(f -> "核实性".equals(f.tier())).toList();
        List<Flag> hints = flags.stream().filter(f -> "提示性".equals(f.tier())).toList();
        boolean open = flags.stream().anyMatch(Flag::open);
        r = rejectSection(s, r, rejects, summary, styles, widths) + 1;
        r = flagSection(s, r, styles, widths, "二、核实性（已入库，待核实的请在下方“四、情况说明”中填写）", verify) + 1;
        r = flagSection(s, r, styles, widths, "三、提示性（仅供参考）", hints) + 1;
        int formTitle = r;
        r = form(s, r, verify, styles, widths) + 1;
        // the list stays in 反馈说明 when the whole notice still prints on one page; else it gets a sheet of its own
        boolean listInside = r + 2 + figures.size() <= onePageRows;
        if (listInside) {
            r = figuresTable(s, r, figures, styles, widths);
        } else {
            cells(s.createRow(r++), styles.bold(), FIGURES_TITLE + "（已入库的数据也在此列出）：共 " + figures.size()
                    + " 项，见“" + FIGURES_SHEET + "”表");
        }
        widths.see(0, "审核结果");
        widths.apply(s);
        if (added == 0) {
            s.setColumnWidth(7, 256); // H holds nothing (本次新增 in a supplementary workbook): the hidden codes come after it
        }
        // the reason and rule codes stay in column I for the clerk's filtering, hidden: they never print
        s.setColumnHidden(CODE_COLUMN, true);
        spanExplanation(s, explanationRow);
        PrintLayout.apply(s, false, -1, summary.fileName() + "·" + title, period);
        // the usual case: the notice, the form and the 数据清单 on one printed page; a longer notice runs down portrait
        // pages (its lists run down the page: a landscape page holds a third fewer rows)
        if (!PrintLayout.fit(s, COLUMNS, r, onePageRows, false) && open) {
            // a long notice runs on: the form the bureau fills in starts a page, never split from its header
            PrintLayout.breakAfter(s, formTitle - 1);
        }
        if (!listInside) {
            figuresSheet(wb.createSheet(FIGURES_SHEET), figures, styles, onePageRows, summary.fileName() + "·" + FIGURES_SHEET,
                    period);
        }
    }

    /**
     * The title, the file's facts, in a supplementary workbook the 补充说明 (what is new since the file loaded), and the
     * 说明 paragraph; the row of 说明.
     */
    private static int head(Sheet s, Summary summary, String title, long added, Styles styles) {
        int r = 0;
        cells(s.createRow(r++), styles.bold(), title);
        cells(s.createRow(r++), null, "文件", summary.fileName());
        cells(s.createRow(r++), null, "填报单位", summary.bureauName());
        cells(s.createRow(r++), null, "报告期", PrintLayout.periodZh(summary.period()));
        cells(s.createRow(r++), null, "适用模板", summary.template());
        cells(s.createRow(r++), null, "处理结果", summary.counts());
        cells(s.createRow(r++), null, "审核结果", "强制性 " + summary.rejected() + " 处（已退回）；核实性 " + summary.verifyItems()
                + " 处（待核实 " + summary.verifyOpen() + " 处）；提示性 " + summary.hintItems() + " 处");
        if (added > 0) {
            // a supplementary workbook (补充反馈表): what is new since the file loaded, wrapped across the table like 说明
            Row supplement = s.createRow(r);
            cells(supplement, null, "补充说明", "本文件入库后，经与公共数据平台等核对，又发现 " + added
                    + " 处问题，在下表“本次新增”列中标为“新增”；其余问题此前已告知，一并列出供对照。");
            supplement.getCell(0).setCellStyle(styles.wrap()); // the label at the top of its row, beside its text
            supplement.getCell(1).setCellStyle(styles.wrap());
            supplement.setHeightInPoints(2 * 15f);
            s.addMergedRegion(new CellRangeAddress(r, r, 1, 7));
            r++;
        }
        Row explanation = s.createRow(r);
        cells(explanation, null, "说明", "强制性问题的数据未能入库，请按“问题及要求”修改原表中标黄的单元格（批注中有说明），"
                + "修改后重新报送整份文件，重新报送后以新报送的数据为准。核实性问题的数据已入库但标记为“待核实”：如数据无误，"
                + "请在本表“四、情况说明”中填写黄色的“情况说明”和“填报人”栏，将本工作簿原样放入报送目录的“情况说明”文件夹，"
                + "即转为“已说明”；如数据有误，请更正后重新报送。提示性问题仅供参考，无需处理。");
        explanation.getCell(1).setCellStyle(styles.wrap());
        explanation.getCell(0).setCellStyle(styles.wrap()); // the label at the top of its tall row, beside its text
        explanation.setHeightInPoints(lines(explanation.getCell(1).getStringCellValue(), 100) * 15f);
        return r;
    }

    /**
     * The long 说明 spans columns B-H, its height for the table's width. With many rows SXSSF has already written that
     * row out (it keeps a window of rows): then it keeps the height given when it was made.
     */
    private static void spanExplanation(Sheet s, int explanationRow) {
        s.addMergedRegion(new CellRangeAddress(explanationRow, explanationRow, 1, 7));
        Row row = s.getRow(explanationRow);
        if (row != null) {
            int tableWidth = 0;
            for (int c = 1; c <= 7; c++) {
                tableWidth += s.getColumnWidth(c) / 256;
            }
            row.setHeightInPoints(lines(row.getCell(1).getStringCellValue(), tableWidth) * 15f);
        }
    }

    /** Lines a wrapped text takes in a merged cell this many characters wide. */
    private static int lines(String text, int width) {
        return PrintLayout.displayWidth(text) / Math.max(width, 1) + 1;
    }

    private static int rejectSection(Sheet s, int r, List<Reject> rejects, Summary summary, Styles styles, PrintLayout.Widths widths) {
        String title = "一、强制性（已退回，须修改后重新报送）";
        if (rejects.isEmpty()) {
            cells(s.createRow(r++), styles.bold(), title + "：无");
            return r;
        }
        cells(s.createRow(r++), styles.bold(), title + (summary.rejected() > rejects.size()
                ? "：共 " + summary.rejected() + " 处，下表列出前 " + rejects.size() + " 处" : "：共 " + rejects.size() + " 处"));
        header(s.createRow(r++), styles, widths, "序号", "工作表", "单元格", "原填内容", "问题及要求", "", "", "", CODE_HEADER);
        int i = 1;
        for (Reject rej : rejects) {
            table(s.createRow(r++), styles, widths, String.valueOf(i++), rej.sheetName(), cellOf(rej.cellRef()),
                    rej.rawValue() == null ? "" : rej.rawValue(), rej.messageZh(), "", "", "", rej.reasonCode());
        }
        return r;
    }

    /** 二 or 三; in a supplementary workbook the findings told for the first time marked 新增 in column H. */
    private static int flagSection(Sheet s, int r, Styles styles, PrintLayout.Widths widths, String title, List<Flag> flags) {
        if (flags.isEmpty()) {
            cells(s.createRow(r++), styles.bold(), title + "：无");
            return r;
        }
        long added = flags.stream().filter(Flag::added).count();
        cells(s.createRow(r++), styles.bold(), title + "：共 " + flags.size() + " 处" + (added > 0 ? "，其中本次新增 " + added + " 处" : ""));
        header(s.createRow(r++), styles, widths, "序号", "工作表", "单元格", "报送值", "问题", "状态", "情况说明",
                added > 0 ? FeedbackWorkbookWriter.ADDED_HEADER : "", CODE_HEADER);
        int i = 1;
        for (Flag f : flags) {
            table(s.createRow(r++), styles, widths, String.valueOf(i++), f.sheetName() == null ? "" : f.sheetName(),
                    cellOf(f.location()), f.reported() == null ? "" : f.reported(), f.messageZh(),
                    f.reviewState() == null ? "仅提示" : f.reviewState(), f.explanation() == null ? "" : f.explanation(),
                    f.added() ? FeedbackWorkbookWriter.ADDED : "", f.ruleId());
        }
        return r;
    }

    /**
     * 四、情况说明, the fill-in form: its header row holds the explanation-file columns (指标, 镇街, 期别, 情况说明, 填报人,
     * and 规则编号 in the hidden column I), so the workbook is an explanation file as it is; it ends at the blank row
     * below it.
     */
    private static int form(Sheet s, int r, List<Flag> verify, Styles styles, PrintLayout.Widths widths) {
        long open = verify.stream().filter(Flag::open).count();
        if (open == 0) {
            cells(s.createRow(r++), styles.bold(), FORM_TITLE + "：无待核实数据，无需填写");
            return r;
        }
        cells(s.createRow(r++), styles.bold(), FORM_TITLE + "（共 " + open + " 处：请填写黄色的“情况说明”和“填报人”栏，"
                + "将本工作簿原样放入报送目录的“情况说明”文件夹）");
        header(s.createRow(r++), styles, widths, FORM_HEADER);
        for (int i = 0; i < verify.size(); i++) {
            Flag f = verify.get(i);
            if (!f.open()) {
                continue;
            }
            // the problem in a line: which item of 二 above (whose text says what was found), its indicator and value
            String problem = "二、第 " + (i + 1) + " 项：" + f.indicatorName() + (f.reported() == null ? "" : "，报送值 " + f.reported());
            Row row = s.createRow(r++);
            table(row, styles, widths, f.indicatorCode(), f.townName(), cellOf(f.location()), PrintLayout.periodZh(f.periodCode()),
                    problem, "", "", "", f.ruleId());
            row.getCell(REPORTER_COLUMN).setCellStyle(styles.toFill());
            row.getCell(TEXT_COLUMN).setCellStyle(styles.toFill());
        }
        // room to write in
        widths.see(REPORTER_COLUMN, "填报人姓名");
        widths.see(TEXT_COLUMN, "经核实数据无误，原因如下：一二三四五六");
        return r;
    }

    /** 五、数据清单 in 反馈说明: every figure, what became of it (入库, 待核实, 已说明, 已退回), a row each. */
    private static int figuresTable(Sheet s, int r, List<String[]> figures, Styles styles, PrintLayout.Widths widths) {
        cells(s.createRow(r++), styles.bold(), FIGURES_TITLE + "（已入库的数据也在此列出）：共 " + figures.size() + " 项");
        header(s.createRow(r++), styles, widths, FIGURES_HEADER);
        for (String[] f : figures) {
            figureRow(s.createRow(r++), f, styles, widths);
        }
        return r;
    }

    /** The 数据清单 sheet of a long list: its header row repeated on every printed page and frozen. */
    private static void figuresSheet(Sheet s, List<String[]> figures, Styles styles, int onePageRows, String title, String period) {
        PrintLayout.Widths widths = new PrintLayout.Widths(4, 50, CAPS);
        cells(s.createRow(0), styles.bold(), FIGURES_TITLE.substring(2) + "（已入库的数据也在此列出）：共 " + figures.size() + " 项");
        header(s.createRow(1), styles, widths, FIGURES_HEADER);
        int r = 2;
        for (String[] f : figures) {
            figureRow(s.createRow(r++), f, styles, widths);
        }
        widths.apply(s);
        PrintLayout.apply(s, false, 1, title, period);
        PrintLayout.fit(s, FIGURES_HEADER.length, r, onePageRows, false);
    }

    private static void figureRow(Row row, String[] f, Styles styles, PrintLayout.Widths widths) {
        String what = Stream.of(f[3], f[4], f[5]).filter(t -> t != null && !t.isBlank()).collect(Collectors.joining("·"));
        table(row, styles, widths, f[1], f[0], f[2], f[6], what, f[7], f[8]);
    }

    /** 'Sheet1!D7' → 'D7' (the sheet is in its own column, or the problem's text). */
    private static String cellOf(String location) {
        return location == null ? "" : location.substring(location.indexOf('!') + 1);
    }

    /**
     * A table row: every text counted for its column's width; a text too long for its column wraps, and then every
     * cell of the row sits at the top of the taller row, beside it.
     */
    private static void table(Row row, Styles styles, PrintLayout.Widths widths, String... values) {
        cells(row, null, values);
        boolean wraps = false;
        for (int c = 0; c < values.length; c++) {
            widths.see(c, values[c]);
            if (widths.wraps(c, values[c])) {
                wraps = true;
                row.setHeightInPoints(Math.max(row.getHeightInPoints(), widths.lines(c, values[c]) * 15f));
            }
        }
        if (wraps) {
            row.forEach(cell -> cell.setCellStyle(styles.wrap()));
        }
    }

    /** A table's header row, bold; its texts count for the columns' widths. */
    private static void header(Row row, Styles styles, PrintLayout.Widths widths, String... values) {
        cells(row, styles.bold(), values);
        for (int c = 0; c < values.length; c++) {
            widths.see(c, values[c]);
        }
    }

    private static void cells(Row row, CellStyle style, String... values) {
        for (int c = 0; c < values.length; c++) {
            Cell cell = row.createCell(c);
            SafeText.cell(cell, values[c]);
            if (style != null) {
                cell.setCellStyle(style);
            }
        }
    }
}
